const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/**
 * Formats an ISO date (YYYY-MM-DD) for readers, independent of the build
 * machine's locale and time zone.
 * @example formatDate('2016-06-20') // '20 June 2016'
 */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/**
 * Formats a year and month (YYYY-MM).
 * @example formatYearMonth('2017-12') // 'December 2017'
 */
export function formatYearMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  return `${MONTHS[(month ?? 1) - 1]} ${year}`;
}
