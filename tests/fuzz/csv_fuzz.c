/* libFuzzer target for src/util/csv.c: any bytes, read to the end or to the
   first error, must neither crash nor break the reader's promises (cells
   within their caps and NUL-terminated, records numbered in order, progress
   within the input, errors naming a row and column). Built and run by
   scripts/fuzz-csv. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv.h"

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kp_error err = { 0 };
	struct csv_row row;
	if (csv_open(&reader, (const char *)data, size, &err) != KP_OK)
		return 0;
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
	return 0;
}
