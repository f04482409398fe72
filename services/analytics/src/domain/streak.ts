/** Days in a row with activity, ending today or yesterday (a streak is not broken before today is over). */
export function streakDays(activeDays: ReadonlySet<string>, today: Date): number {
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  if (!activeDays.has(isoDay(day))) day.setUTCDate(day.getUTCDate() - 1);
  let streak = 0;
  while (activeDays.has(isoDay(day)) && streak < 10_000) {
    streak += 1;
    day.setUTCDate(day.getUTCDate() - 1);
  }
  return streak;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
