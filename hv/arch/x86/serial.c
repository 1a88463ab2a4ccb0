/* COM1, 115200 8N1, polled: the hypervisor's only device. */
#include "arch/x86/io.h"
#include "arch/x86/serial.h"

#define COM1       0x3f8
#define THR        0           /* transmit holding */
#define IER        1
#define FCR        2
#define LCR        3
#define MCR        4
#define LSR        5
#define DLL        0
#define DLM        1
#define LCR_DLAB   0x80
#define LSR_THRE   0x20
#define LSR_DR     0x01

void serial_init(void)
{
	outb(COM1 + IER, 0x00);
	outb(COM1 + LCR, LCR_DLAB);
	outb(COM1 + DLL, 1);               /* 115200 baud */
	outb(COM1 + DLM, 0);
	outb(COM1 + LCR, 0x03);            /* 8 bits, no parity, one stop bit */
	outb(COM1 + FCR, 0xc7);            /* FIFOs on and cleared */
	outb(COM1 + MCR, 0x03);            /* DTR, RTS */
}

static void serial_putc(char c)
{
	/* Bounded: a missing UART must not hang the hypervisor. */
	for (int spins = 0; spins < 100000; spins++)
		if (inb(COM1 + LSR) & LSR_THRE)
			break;
	outb(COM1 + THR, (uint8_t)c);
}

void serial_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

int serial_getc(void)
{
	if (!(inb(COM1 + LSR) & LSR_DR))
		return -1;
	return inb(COM1 + THR);
}
