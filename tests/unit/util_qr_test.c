/* Tests for src/util/qr.c: the path draws a QR code a real scanner
   (zbarimg, from Debian's zbar-tools) reads back as the text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/qr.h"

#define SCALE 6  /* pixels per module */

/* Reads "<letter><int>" at *p into *out. */
static void number_after(const char **p, char letter, int *out)
{
	char *end;
	assert_int_equal(**p, letter);
	long v = strtol(*p + 1, &end, 10);
	assert_true(end != *p + 1);
	*out = (int)v;
	*p = end;
}

/* Paints the path's rectangles ("M x y h n v1 h-n z") into a grid. */
static unsigned char *paint(const char *path, int size)
{
	unsigned char *grid = calloc((size_t)size * (size_t)size, 1);
	assert_non_null(grid);
	const char *p = path;
	int x, y, w, back;
	while (*p != '\0') {
		number_after(&p, 'M', &x);
		assert_int_equal(*p, ' ');
		number_after(&p, ' ', &y);
		number_after(&p, 'h', &w);
		assert_int_equal(strncmp(p, "v1h-", 4), 0);
		p += 2;
		number_after(&p, 'h', &back);
		assert_int_equal(*p++, 'z');
		assert_int_equal(w, -back);
		assert_true(x >= QR_QUIET && y >= QR_QUIET && x + w <= size - QR_QUIET &&
		            y < size - QR_QUIET);
		memset(grid + (size_t)y * (size_t)size + (size_t)x, 1, (size_t)w);
	}
	return grid;
}

/* Writes the grid as a plain PBM, SCALE pixels per module. */
static void write_pbm(const char *file, const unsigned char *grid, int size)
{
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	fprintf(f, "P1\n%d %d\n", size * SCALE, size * SCALE);
	for (int py = 0; py < size * SCALE; py++) {
		for (int px = 0; px < size * SCALE; px++)
			fputs(grid[(py / SCALE) * size + px / SCALE] ? "1 " : "0 ", f);
		fputc('\n', f);
	}
	assert_int_equal(fclose(f), 0);
}

static void scans_back_as_the_text(void **state)
{
	(void)state;
	static const char text[] = "otpauth://totp/Knooppunt:co%40zonnebloem.demo?"
	                           "secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Knooppunt";
	struct buf b;
	int modules = 0;
	buf_init(&b, 64 * 1024);
	assert_int_equal(qr_path(text, &b, &modules), 0);
	assert_int_equal((modules - 17) % 4, 0); /* a QR version's size is 4v + 17 */
	int size = modules + 2 * QR_QUIET;
	unsigned char *grid = paint(b.data, size);
	/* The finder pattern's dark ring at the top left corner. */
	for (int i = 0; i < 7; i++)
		assert_true(grid[QR_QUIET * size + QR_QUIET + i] &&
		            grid[(QR_QUIET + i) * size + QR_QUIET]);
	char file[] = "/tmp/kp-qr-XXXXXX.pbm", cmd[128], read[512] = "";
	int fd = mkstemps(file, 4);
	assert_true(fd >= 0);
	close(fd);
	write_pbm(file, grid, size);
	snprintf(cmd, sizeof cmd, "zbarimg --quiet --raw %s", file);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t n = fread(read, 1, sizeof read - 1, p);
	int status = pclose(p);
	unlink(file);
	read[n] = '\0';
	read[strcspn(read, "\n")] = '\0';
	assert_int_equal(status, 0);
	assert_string_equal(read, text);
	free(grid);
	buf_free(&b);
}

static void too_long_a_text_is_refused(void **state)
{
	(void)state;
	static char text[8000];
	struct buf b;
	int modules = 0;
	memset(text, 'a', sizeof text - 1);
	buf_init(&b, 64 * 1024);
	assert_int_equal(qr_path(text, &b, &modules), -1);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scans_back_as_the_text),
		cmocka_unit_test(too_long_a_text_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
