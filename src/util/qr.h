/*
 * A QR code as the outline of its dark modules: an SVG path ("M x y h1 v1
 * h-1z…", one square per dark module, runs of a row joined) on a grid of
 * `size` modules, to be drawn in a viewBox of size + 2 * QR_QUIET on each
 * side. Encoding is libqrencode's (byte mode, error correction level M);
 * the drawing is the client's, so no markup leaves the server.
 */
#ifndef KP_UTIL_QR_H
#define KP_UTIL_QR_H

#include "util/buf.h"

#define QR_QUIET 4  /* the light margin a scanner needs, in modules */

/* Encodes text into out (appended) and *size; 0, or -1 when the text does
   not fit a QR code or out's cap is reached. */
int qr_path(const char *text, struct buf *out, int *size);

#endif
