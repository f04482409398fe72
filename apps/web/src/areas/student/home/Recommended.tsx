import type { Home } from '../api-types';
import { DueReviews, RecommendationList } from '../practice/RecommendationList';

type HomeRecommendations = Exclude<Home['recommendations'], { error: unknown }>;

/** "Recommended for you": the adaptive service's next step in each course, and the reviews due. */
export function Recommended({ recommendations }: { recommendations: HomeRecommendations }) {
  return (
    <>
      <RecommendationList recommendations={recommendations} />
      <DueReviews reviews={recommendations.dueReviews} />
    </>
  );
}
