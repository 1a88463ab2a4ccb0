/* The CMOS real-time clock, read once at boot for the wall clock. We never
 * wait for an update edge: two identical consecutive reads are enough. */
#include "arch/x86/io.h"
#include "arch/x86/time_hw.h"
#include "time/calendar.h"
#include "lib/string.h"

#define CMOS_INDEX  0x70
#define CMOS_DATA   0x71
#define NMI_OFF     0x80

enum { SEC = 0x00, MIN = 0x02, HOUR = 0x04, DAY = 0x07, MONTH = 0x08, YEAR = 0x09,
       STATUS_B = 0x0b, CENTURY = 0x32 };

static uint8_t cmos_read(uint8_t reg)
{
	outb(CMOS_INDEX, reg | NMI_OFF);
	return inb(CMOS_DATA);
}

struct raw_rtc { uint8_t sec, min, hour, day, month, year, century, status_b; };

static void read_all(struct raw_rtc *r)
{
	r->sec = cmos_read(SEC);
	r->min = cmos_read(MIN);
	r->hour = cmos_read(HOUR);
	r->day = cmos_read(DAY);
	r->month = cmos_read(MONTH);
	r->year = cmos_read(YEAR);
	r->century = cmos_read(CENTURY);
	r->status_b = cmos_read(STATUS_B);
}

static int bcd(uint8_t v, int binary)
{
	return binary ? v : (v >> 4) * 10 + (v & 0xf);
}

int64_t rtc_read_unix(void)
{
	struct raw_rtc a, b;

	read_all(&a);
	for (int tries = 0; tries < 5; tries++) {
		read_all(&b);
		if (memcmp(&a, &b, sizeof(a)) == 0)
			break;
		a = b;
	}
	int binary = a.status_b & 0x04;
	int h24 = a.status_b & 0x02;
	int pm = !h24 && (a.hour & 0x80);
	struct civil_time t = {
		.second = bcd(a.sec, binary),
		.minute = bcd(a.min, binary),
		.hour = bcd(a.hour & 0x7f, binary),
		.day = bcd(a.day, binary),
		.month = bcd(a.month, binary),
	};
	if (!h24)
		t.hour = (t.hour % 12) + (pm ? 12 : 0);
	int year = bcd(a.year, binary);
	int century = bcd(a.century, binary);
	t.year = (century >= 19 && century <= 99) ? century * 100 + year
						  : (year < 70 ? 2000 : 1900) + year;
	return civil_to_unix(&t);
}
