/* The formatter behind format() and vformat(); see format.h for the rules. */
#include <stdbool.h>
#include <stdint.h>

#include "lib/format.h"
#include "lib/string.h"

/* int is 32 bits on every target; this is INT_MAX without <limits.h>. */
#define INT_LIMIT ((size_t)((unsigned)-1 >> 1))

/* Where output goes. len counts every byte produced, stored or not, and
 * saturates rather than wrapping on a 32-bit size_t. */
struct sink {
	char *buf;
	size_t size;
	size_t len;
};

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_T };

/* One parsed conversion specification. */
struct spec {
	bool left, plus, space, alt, zero;
	bool has_prec;
	size_t width, prec;
	enum length length;
};

/* Bytes that can still be stored, keeping one for the NUL. buf may be
 * NULL when size is 0, so callers touch it only when this is non-zero. */
static size_t room(const struct sink *s)
{
	return s->size && s->len < s->size - 1 ? s->size - 1 - s->len : 0;
}

static void advance(struct sink *s, size_t n)
{
	s->len = n > SIZE_MAX - s->len ? SIZE_MAX : s->len + n;
}

static void put_bytes(struct sink *s, const char *p, size_t n)
{
	size_t k = room(s);

	if (k > n)
		k = n;
	if (k)
		memcpy(s->buf + s->len, p, k);
	advance(s, n);
}

/* Padding may be huge ("%*d" with INT_MAX): store what fits and only count
 * the rest, so the cost stays bounded by the buffer. */
static void put_repeat(struct sink *s, char c, size_t n)
{
	size_t k = room(s);

	if (k > n)
		k = n;
	if (k)
		memset(s->buf + s->len, c, k);
	advance(s, n);
}

/* Accumulate a decimal field, stopping just past INT_LIMIT so that an
 * absurd width still makes the result overflow (and return -1). */
static size_t add_digit(size_t v, char c)
{
	if (v > INT_LIMIT)
		return v;
	return v * 10 + (size_t)(c - '0');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Divide by ten in 16-bit steps: a plain 64-bit division would make the
 * compiler call __udivdi3 on i386, and the hypervisor links no runtime
 * library. Every step divides a value below 10 << 16. */
static unsigned divmod10(uint64_t *v)
{
	if (*v <= UINT32_MAX) {
		uint32_t x = (uint32_t)*v;

		*v = x / 10;
		return x % 10;
	}
	uint64_t q = 0;
	uint32_t r = 0;
	for (int shift = 48; shift >= 0; shift -= 16) {
		uint32_t cur = r << 16 | (uint32_t)(*v >> shift & 0xffff);
		q = q << 16 | cur / 10;
		r = cur % 10;
	}
	*v = q;
	return r;
}

/* Digits of v in base 8, 10 or 16, least significant first; none for 0. */
static size_t to_digits(uint64_t v, unsigned base, bool upper, char *out)
{
	const char *xdigits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	size_t n = 0;

	while (v) {
		if (base == 10) {
			out[n++] = (char)('0' + divmod10(&v));
		} else {
			out[n++] = xdigits[v & (base - 1)];
			v >>= base == 16 ? 4 : 3;
		}
	}
	return n;
}

static void put_int(struct sink *s, const struct spec *sp, uint64_t mag,
		    bool neg, char conv)
{
	char digits[24];   /* 22 octal digits cover 64 bits */
	unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X' || conv == 'p') ? 16 : 10;
	size_t nd = to_digits(mag, base, conv == 'X', digits);
	bool is_signed = conv == 'd' || conv == 'i';
	char sign = 0;
	const char *prefix = "";

	if (neg)
		sign = '-';
	else if (is_signed && sp->plus)
		sign = '+';
	else if (is_signed && sp->space)
		sign = ' ';

	if (conv == 'p')
		prefix = "0x";
	else if (sp->alt && mag && conv == 'x')
		prefix = "0x";
	else if (sp->alt && mag && conv == 'X')
		prefix = "0X";

	size_t prec = sp->has_prec ? sp->prec : 1;
	size_t zeros = prec > nd ? prec - nd : 0;
	/* '#' with octal: the first digit printed must be a zero. Our digits
	 * never start with one, so this means one more zero unless the
	 * precision already supplied it. */
	if (sp->alt && conv == 'o' && zeros == 0)
		zeros = 1;

	size_t body = (sign ? 1 : 0) + strlen(prefix) + zeros + nd;
	if (sp->zero && !sp->left && !sp->has_prec && sp->width > body) {
		zeros += sp->width - body;
		body = sp->width;
	}
	size_t pad = sp->width > body ? sp->width - body : 0;

	if (!sp->left)
		put_repeat(s, ' ', pad);
	if (sign)
		put_bytes(s, &sign, 1);
	put_bytes(s, prefix, strlen(prefix));
	put_repeat(s, '0', zeros);
	while (nd)
		put_bytes(s, &digits[--nd], 1);
	if (sp->left)
		put_repeat(s, ' ', pad);
}

/* Text conversions pad with spaces only; glibc ignores '0' for them too. */
static void put_text(struct sink *s, const struct spec *sp, const char *p, size_t n)
{
	size_t pad = sp->width > n ? sp->width - n : 0;

	if (!sp->left)
		put_repeat(s, ' ', pad);
	put_bytes(s, p, n);
	if (sp->left)
		put_repeat(s, ' ', pad);
}

/* Fetch a signed argument of the width the length modifier names, as a
 * sign and magnitude (the magnitude of INT64_MIN does not fit in int64_t). */
static uint64_t fetch_signed(va_list *ap, enum length len, bool *neg)
{
	intmax_t v;

	switch (len) {
	case LEN_HH: v = (signed char)va_arg(*ap, int); break;
	case LEN_H:  v = (short)va_arg(*ap, int); break;
	case LEN_L:  v = va_arg(*ap, long); break;
	case LEN_LL: v = va_arg(*ap, long long); break;
	case LEN_Z:  v = va_arg(*ap, ptrdiff_t); break;
	case LEN_J:  v = va_arg(*ap, intmax_t); break;
	case LEN_T:  v = va_arg(*ap, ptrdiff_t); break;
	default:     v = va_arg(*ap, int); break;
	}
	*neg = v < 0;
	return *neg ? 0 - (uint64_t)v : (uint64_t)v;
}

static uint64_t fetch_unsigned(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_HH: return (unsigned char)va_arg(*ap, unsigned);
	case LEN_H:  return (unsigned short)va_arg(*ap, unsigned);
	case LEN_L:  return va_arg(*ap, unsigned long);
	case LEN_LL: return va_arg(*ap, unsigned long long);
	case LEN_Z:  return va_arg(*ap, size_t);
	case LEN_J:  return va_arg(*ap, uintmax_t);
	case LEN_T:  return va_arg(*ap, size_t);
	default:     return va_arg(*ap, unsigned);
	}
}

/* Parse flags, width, precision and length after a '%'; returns the
 * position of the conversion character. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
	memset(sp, 0, sizeof(*sp));
	for (;; f++) {
		if (*f == '-')
			sp->left = true;
		else if (*f == '+')
			sp->plus = true;
		else if (*f == ' ')
			sp->space = true;
		else if (*f == '#')
			sp->alt = true;
		else if (*f == '0')
			sp->zero = true;
		else
			break;
	}

	if (*f == '*') {
		int w = va_arg(*ap, int);
		/* A negative width is a '-' flag; unsigned negation keeps
		 * INT_MIN defined. */
		if (w < 0) {
			sp->left = true;
			sp->width = 0u - (unsigned)w;
		} else {
			sp->width = (size_t)w;
		}
		f++;
	} else {
		while (is_digit(*f))
			sp->width = add_digit(sp->width, *f++);
	}

	if (*f == '.') {
		f++;
		sp->has_prec = true;
		if (*f == '*') {
			int p = va_arg(*ap, int);
			/* A negative precision counts as none at all. */
			sp->has_prec = p >= 0;
			sp->prec = p >= 0 ? (size_t)p : 0;
			f++;
		} else {
			while (is_digit(*f))
				sp->prec = add_digit(sp->prec, *f++);
		}
	}

	switch (*f) {
	case 'h':
		sp->length = f[1] == 'h' ? LEN_HH : LEN_H;
		f += sp->length == LEN_HH ? 2 : 1;
		break;
	case 'l':
		sp->length = f[1] == 'l' ? LEN_LL : LEN_L;
		f += sp->length == LEN_LL ? 2 : 1;
		break;
	case 'z': sp->length = LEN_Z; f++; break;
	case 'j': sp->length = LEN_J; f++; break;
	case 't': sp->length = LEN_T; f++; break;
	default: break;
	}
	return f;
}

int vformat(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = { buf, size, 0 };
	va_list args;

	/* Work on a copy so the helpers can take its address portably. */
	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			const char *lit = fmt;
			while (*fmt && *fmt != '%')
				fmt++;
			put_bytes(&s, lit, (size_t)(fmt - lit));
			continue;
		}

		const char *start = fmt;
		struct spec sp;
		fmt = parse_spec(fmt + 1, &sp, &args);
		char conv = *fmt;
		bool neg = false;
		uint64_t v;

		switch (conv) {
		case 'd':
		case 'i':
			v = fetch_signed(&args, sp.length, &neg);
			put_int(&s, &sp, v, neg, conv);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			v = fetch_unsigned(&args, sp.length);
			put_int(&s, &sp, v, false, conv);
			break;
		case 'p':
			v = (uintptr_t)va_arg(args, void *);
			put_int(&s, &sp, v, false, conv);
			break;
		case 'c': {
			char c = (char)va_arg(args, int);
			put_text(&s, &sp, &c, 1);
			break;
		}
		case 's': {
			const char *str = va_arg(args, const char *);
			if (!str)
				str = "(null)";
			/* With a precision the string need not be terminated,
			 * so never look past it. */
			size_t n = sp.has_prec ? strnlen(str, sp.prec) : strlen(str);
			put_text(&s, &sp, str, n);
			break;
		}
		case '%':
			put_bytes(&s, "%", 1);
			break;
		default:
			/* Unknown, or the format ended mid-directive: show the
			 * directive as written so the mistake is visible. */
			if (conv)
				fmt++;
			put_bytes(&s, start, (size_t)(fmt - start));
			continue;
		}
		fmt++;
	}
	va_end(args);

	if (size)
		buf[s.len < size ? s.len : size - 1] = '\0';
	return s.len > INT_LIMIT ? -1 : (int)s.len;
}

int format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vformat(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
