/* Netif's checks of what the other end wrote (miniguest/netif/tx_check.c,
 * mac.c): tx requests at and past every bound, random garbage, ring
 * indices that wrap or lie, vif addresses as text, and dom0's vif= words. */
#include <stdlib.h>

#include "../../miniguest/netif/netif.h"
#include "unit.h"

static int check(uint16_t offset, uint16_t size, uint16_t flags)
{
	struct netif_tx_request r = { .gref = 8, .offset = offset, .flags = flags, .id = 3,
				      .size = size };

	return netif_tx_check(&r, false);
}

static void test_sizes(void)
{
	CHECK_EQ(check(0, 14, 0), NETIF_RSP_OKAY);
	CHECK_EQ(check(0, 1514, 0), NETIF_RSP_OKAY);
	CHECK_EQ(check(0, 0, 0), NETIF_RSP_ERROR);
	CHECK_EQ(check(0, 13, 0), NETIF_RSP_ERROR);
	CHECK_EQ(check(0, 1515, 0), NETIF_RSP_ERROR);
	CHECK_EQ(check(0, 0xffff, 0), NETIF_RSP_ERROR);
}

static void test_within_page(void)
{
	CHECK_EQ(check(4096 - 1514, 1514, 0), NETIF_RSP_OKAY);
	CHECK_EQ(check(4096 - 1513, 1514, 0), NETIF_RSP_ERROR);
	CHECK_EQ(check(4096 - 14, 14, 0), NETIF_RSP_OKAY);
	CHECK_EQ(check(4096, 14, 0), NETIF_RSP_ERROR);
	/* Offset and size that would wrap a 16-bit sum. */
	CHECK_EQ(check(0xfff8, 20, 0), NETIF_RSP_ERROR);
	CHECK_EQ(check(0xffff, 1514, 0), NETIF_RSP_ERROR);
}

static void test_flags(void)
{
	struct netif_tx_request r = { .size = 60, .flags = NETTXF_more_data };

	CHECK_EQ(netif_tx_check(&r, false), NETIF_RSP_ERROR);
	CHECK_EQ(netif_tx_check(&r, true), NETIF_RSP_OKAY);
	CHECK_EQ(check(0, 60, NETTXF_csum_blank | NETTXF_data_validated), NETIF_RSP_OKAY);
}

/* Whatever the request holds, an accepted one lies within its page and
 * is a whole ethernet frame. */
static void test_garbage(void)
{
	unsigned ok = 0;

	srand(15);
	for (unsigned i = 0; i < 200000; i++) {
		struct netif_tx_request r;
		uint8_t *p = (uint8_t *)&r;

		for (unsigned j = 0; j < sizeof(r); j++)
			p[j] = (uint8_t)rand();
		/* Small values half the time, so that some pass. */
		if (i & 1) {
			r.offset &= 0xfff;
			r.size &= 0x7ff;
			r.flags &= ~NETTXF_more_data;
		}
		if (netif_tx_check(&r, false) == NETIF_RSP_OKAY) {
			ok++;
			CHECK((uint32_t)r.offset + r.size <= 4096);
			CHECK(r.size >= 14 && r.size <= 1514);
			CHECK(!(r.flags & NETTXF_more_data));
		}
	}
	CHECK(ok > 1000);
}

static void test_ring_pending(void)
{
	CHECK_EQ(netif_ring_pending(0, 0, 256), 0);
	CHECK_EQ(netif_ring_pending(256, 0, 256), 256);
	CHECK_EQ(netif_ring_pending(257, 0, 256), -1);
	/* Indices run free across 2^32. */
	CHECK_EQ(netif_ring_pending(5, 0xfffffffbu, 256), 10);
	CHECK_EQ(netif_ring_pending(0xfffffffbu + 256, 0xfffffffbu, 256), 256);
	/* A producer behind the consumer is a lie, not a huge count. */
	CHECK_EQ(netif_ring_pending(0, 1, 256), -1);
	CHECK_EQ(netif_ring_pending(0x80000000u, 0, 256), -1);
}

static void test_mac_text(void)
{
	static const char *bad[] = { "", "00:16:3e:00:01", "00:16:3e:00:01:02:", "00:16:3e:00:01:0",
				     "00-16-3e-00-01-02", "0:16:3e:00:01:02", "00:16:3e:00:01:0g",
				     "00:16:3e:00:01:02 ", " 00:16:3e:00:01:02", "00:16:3e:00::102",
				     "\x10\x19:16:3e:00:01:02", "00:16:3e:00:01:\xc0\xb0", "+0:16:3e:00:01:02" };
	uint8_t mac[6], made[6];
	char text[18];

	CHECK(netif_mac_parse("00:16:3E:0a:ff:7f", mac));
	netif_mac_format(mac, text);
	CHECK_STR(text, "00:16:3e:0a:ff:7f");
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(!netif_mac_parse(bad[i], mac));
	netif_mac_make(0x7fef, 3, made);
	netif_mac_format(made, text);
	CHECK_STR(text, "00:16:3e:7f:ef:03");
	CHECK(netif_mac_parse(text, mac));
	CHECK(memcmp(mac, made, 6) == 0);
	/* Never a group address: the bridge would flood it. */
	CHECK(!(made[0] & 1));
}

static void test_vif_words(void)
{
	static const char *bad[] = { "", "vif", "vif=", "vif=:rx=copy", "disk=a:vda", "VIF=a",
				     "vif=a:", "vif=a:rx=", "vif=a:rx=copyx", "vif=a:rx=flip:rx=copy",
				     "vif=a/b", "vif=a:rx=Flip", " vif=a", "vif=a:mac=00:16:3e:00:00",
				     "vif=a:mac=00:16:3e:00:00:0g", "vif=a:mac=00:16:3e:00:00:011",
				     "vif=a:mac=00:16:3e:00:00:01:mac=00:16:3e:00:00:02",
				     "vif=a:mac=00:16:3e:00:00:01:", "vif=a:mac=",
				     "vif=a:backend=", "vif=a:backend=:rx=flip", "vif=a:backend=b/c",
				     "vif=a:backend=b:backend=c", "vif=a:backend=b:",
				     "vif=a:backend=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
				     "vif=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" };
	struct vif_word w = { .rx_flip = true };

	CHECK(netif_vif_word("vif=client", &w));
	CHECK_STR(w.guest, "client");
	CHECK(!w.rx_flip);
	CHECK(netif_vif_word("vif=server:rx=flip", &w));
	CHECK_STR(w.guest, "server");
	CHECK(w.rx_flip);
	CHECK(netif_vif_word("vif=s2:rx=copy", &w));
	CHECK_STR(w.guest, "s2");
	CHECK(!w.rx_flip);
	CHECK(!w.has_mac);
	CHECK(netif_vif_word("vif=s3:rx=flip:mac=00:16:3E:0a:0b:0c", &w));
	CHECK_STR(w.guest, "s3");
	CHECK(w.rx_flip && w.has_mac);
	CHECK(w.mac[3] == 0x0a && w.mac[4] == 0x0b && w.mac[5] == 0x0c);
	CHECK(netif_vif_word("vif=s4:mac=02:00:00:00:00:01", &w));
	CHECK(w.has_mac && !w.rx_flip && w.mac[0] == 0x02 && w.mac[5] == 0x01);
	CHECK_STR(w.backend, "");
	CHECK(netif_vif_word("vif=s5:backend=liar:rx=flip", &w));
	CHECK_STR(w.guest, "s5");
	CHECK_STR(w.backend, "liar");
	CHECK(w.rx_flip);
	CHECK(netif_vif_word("vif=s6:rx=copy:backend=dd", &w));
	CHECK_STR(w.backend, "dd");
	CHECK(!w.rx_flip);
	/* The longest name that fits: 63 bytes. */
	CHECK(netif_vif_word("vif=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", &w));
	CHECK_EQ(strlen(w.guest), 63);
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		strcpy(w.guest, "kept");
		CHECK(!netif_vif_word(bad[i], &w));
		CHECK_STR(w.guest, "kept");
	}
}

/* rate=RATE/s[@INTERVAL] as Xen's xl reads it, to bytes per interval. */
static void test_vif_rate(void)
{
	static const char *bad[] = { "vif=a:rate=", "vif=a:rate=10", "vif=a:rate=10Mb",
				     "vif=a:rate=10Mb/", "vif=a:rate=10Mb/m", "vif=a:rate=10Mb/s@",
				     "vif=a:rate=10Mb/s@20", "vif=a:rate=10Mb/s@20min",
				     "vif=a:rate=10Mb/s@0ms", "vif=a:rate=0Mb/s", "vif=a:rate=Mb/s",
				     "vif=a:rate=10mb/s", "vif=a:rate=10 Mb/s", "vif=a:rate=-1B/s",
				     "vif=a:rate=1b/s", "vif=a:rate=10Mb/s@11s",
				     "vif=a:rate=99999999999999999999B/s",
				     "vif=a:rate=18446744073709551615GB/s",
				     "vif=a:rate=10Mb/s:rate=10Mb/s", "vif=a:rate=10Mb/s:",
				     /* a quarter of a byte an interval */
				     "vif=a:rate=8000b/s@250us" };
	struct vif_word w;

	CHECK(netif_vif_word("vif=a", &w));
	CHECK_EQ(w.rate_bytes, 0);
	/* 10 Mbit/s: 1250000 bytes a second, 62500 each 50 ms. */
	CHECK(netif_vif_word("vif=a:rate=10Mb/s", &w));
	CHECK_EQ(w.rate_bytes, 62500);
	CHECK_EQ(w.rate_us, 50000);
	CHECK(netif_vif_word("vif=a:rate=100MB/s@20ms:mac=02:00:00:00:00:01", &w));
	CHECK_EQ(w.rate_bytes, 2000000);
	CHECK_EQ(w.rate_us, 20000);
	CHECK(w.has_mac);
	CHECK(netif_vif_word("vif=a:rx=copy:rate=1GB/s@1s", &w));
	CHECK_EQ(w.rate_bytes, 1000000000);
	CHECK_EQ(w.rate_us, 1000000);
	CHECK(netif_vif_word("vif=a:rate=8000000b/s@250us", &w));
	CHECK_EQ(w.rate_bytes, 250);
	CHECK(netif_vif_word("vif=a:rate=64KB/s@1s", &w));
	CHECK_EQ(w.rate_bytes, 64000);
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(!netif_vif_word(bad[i], &w));
}

UNIT_MAIN(UNIT(test_sizes), UNIT(test_within_page), UNIT(test_flags), UNIT(test_garbage),
	  UNIT(test_ring_pending), UNIT(test_mac_text), UNIT(test_vif_words), UNIT(test_vif_rate))
