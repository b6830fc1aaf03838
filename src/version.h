/*
 * The program's version, as `knooppunt version` prints it and /api/health
 * reports it. Changed by hand when a release is cut.
 */
#ifndef KP_VERSION_H
#define KP_VERSION_H

#define KNOOPPUNT_VERSION "0.1.0"

#endif
