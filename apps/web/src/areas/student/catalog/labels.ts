import { useTranslation } from 'react-i18next';

/** Human names of facet values: languages by Intl, levels and kinds from the catalog. */
export function useFacetLabels() {
  const { t, i18n } = useTranslation('student');
  let languages: Intl.DisplayNames | null = null;
  try {
    languages = new Intl.DisplayNames([i18n.language || 'en'], { type: 'language' });
  } catch {
    languages = null;
  }
  return {
    language: (code: string) => {
      try {
        return languages?.of(code) ?? code;
      } catch {
        return code;
      }
    },
    level: (level: string) => t(`level.${level}`, { defaultValue: level }),
    kind: (kind: string) => t(`kind.${kind}`, { defaultValue: kind }),
  };
}
