/** Where a bought course is read: the student area's course page. */
export function coursePath(courseId: string): string {
  return `/learn/courses/${courseId}`;
}

/** The receipt of an order, printable. */
export function receiptPath(orderId: string): string {
  return `/orders/${orderId}`;
}

/** The checkout of an enrollment waiting for payment. */
export function checkoutPath(enrollmentId: string): string {
  return `/checkout/${enrollmentId}`;
}

/** The checkout of an order (a lesson bought on its own has no enrollment). */
export function orderCheckoutPath(orderId: string): string {
  return `/checkout/order/${orderId}`;
}

/** Where a lesson is read: the student area's lesson player. */
export function lessonPath(courseId: string, lessonId: string): string {
  return `/learn/courses/${courseId}/lessons/${lessonId}`;
}
