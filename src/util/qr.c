/* QR codes as SVG paths (qr.h). */
#include "util/qr.h"

#include <qrencode.h>
#include <string.h>

/* One row: each run of dark modules is one rectangle, one module high. */
static int row_path(const QRcode *q, int y, struct buf *out)
{
	int w = q->width;
	for (int x = 0; x < w;) {
		if (!(q->data[y * w + x] & 1)) {
			x++;
			continue;
		}
		int run = 0;
		while (x + run < w && (q->data[y * w + x + run] & 1))
			run++;
		if (buf_printf(out, "M%d %dh%dv1h-%dz", x + QR_QUIET, y + QR_QUIET, run, run))
			return -1;
		x += run;
	}
	return 0;
}

int qr_path(const char *text, struct buf *out, int *size)
{
	QRcode *q = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
	if (q == NULL)
		return -1;
	int rc = 0;
	for (int y = 0; y < q->width && rc == 0; y++)
		rc = row_path(q, y, out);
	*size = q->width;
	QRcode_free(q);
	return rc;
}
