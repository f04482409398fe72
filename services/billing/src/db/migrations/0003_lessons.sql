-- Lessons sold one by one. What billing knows of published lessons: their course (whose publisher may price
-- them), their title (orders, receipts) and place in the course, and whether the course's current version still has them (only those
-- are sold).
create table billing.lessons (
  tenant_id  uuid not null,
  lesson_id  uuid not null,
  course_id  uuid not null,
  title      text not null,
  ordinal    int not null,
  on_sale    boolean not null default true,
  primary key (tenant_id, lesson_id)
);
create index lessons_by_course on billing.lessons (tenant_id, course_id);
select platform.enable_tenant_rls('billing.lessons');

-- A student holds at most one live order per lesson: one waiting for or in payment, or one paid. Buying again
-- finds it; a failed, cancelled, refunded or disputed order leaves room for a new one.
create unique index orders_one_live_lesson on billing.orders (tenant_id, user_id, product_id)
  where product_kind = 'lesson'
    and status in ('awaiting_payment', 'authorizing', 'requires_action', 'capturing', 'paid', 'partially_refunded');

-- A processor's event that does not carry the order id (a Stripe dispute) finds its order by the payment reference.
create index orders_by_payment_ref on billing.orders (payment_ref) where payment_ref is not null;
