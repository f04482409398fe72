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
