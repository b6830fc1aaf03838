/* libFuzzer target for the spreadsheet readers, src/util/csv.c and
   src/util/xlsx_read.c: any bytes (a zip first goes through the workbook
   reader, as the import does), read to the end or to the first error, must
   neither crash nor break the reader's promises (cells within their caps and
   NUL-terminated, records numbered in order, progress within the input,
   errors naming a row and column, or the file). Built and run by
   scripts/fuzz-csv. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv.h"
#include "util/xlsx_read.h"

static struct csv_reader reader;

static void check_row(const struct csv_row *row, long record)
{
	if (row->n < 1 || row->n > CSV_COLUMNS_MAX || row->record != record)
		abort();
	size_t total = 0;
	for (int i = 0; i < row->n; i++) {
		size_t n = strlen(row->cell[i]);
		if (n > CSV_CELL_MAX)
			abort();
		total += n;
	}
	if (total > CSV_RECORD_MAX)
		abort();
}

static void read_csv(const char *data, size_t size)
{
	struct kp_error err = { 0 };
	struct csv_row row;
	if (csv_open(&reader, data, size, &err) != KP_OK)
		return;
	long record = 0;
	int got;
	while ((got = csv_next(&reader, &row, &err)) == 1) {
		check_row(&row, ++record);
		if (csv_offset(&reader) > reader.size)
			abort();
		(void)csv_row_is_empty(&row);
	}
	if (got < 0 && (err.kind != KP_INVALID || strncmp(err.field, "row ", 4) != 0))
		abort();
	csv_close(&reader);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	if (!xlsx_is_zip(text, size)) {
		read_csv(text, size);
		return 0;
	}
	struct buf csv;
	struct kp_error err = { 0 };
	buf_init(&csv, CSV_FILE_MAX);
	if (xlsx_to_csv(text, size, &csv, &err) == KP_OK)
		read_csv(csv.data ? csv.data : "", csv.len);
	else if (err.kind != KP_INVALID || strcmp(err.field, "file") != 0)
		abort();
	buf_free(&csv);
	return 0;
}
