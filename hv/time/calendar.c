#include "time/calendar.h"

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

int64_t civil_to_unix(const struct civil_time *t)
{
	if (t->year < 1970 || t->year > 9999 || t->month < 1 || t->month > 12 ||
	    t->day < 1 || t->day > days_in_month(t->year, t->month) ||
	    t->hour < 0 || t->hour > 23 || t->minute < 0 || t->minute > 59 ||
	    t->second < 0 || t->second > 59)
		return -1;

	int64_t days = 0;
	for (int y = 1970; y < t->year; y++)
		days += is_leap(y) ? 366 : 365;
	for (int m = 1; m < t->month; m++)
		days += days_in_month(t->year, m);
	days += t->day - 1;
	return ((days * 24 + t->hour) * 60 + t->minute) * 60 + t->second;
}
