/*
 * knooppunt serve: the composition root of the server. It is the one place
 * that wires the HTTP server (src/http) to the API (src/api), beside the
 * change-log follower and the job runner (src/sync) and the matching index
 * (src/match); everything below knows nothing of the layers above it.
 *
 * Ownership: app is borrowed; for the server's lifetime cmd_serve fills and
 * owns app->pool, app->follow, app->index and app->login_limit, and frees
 * and clears them before it returns.
 */
#ifndef KP_SERVE_H
#define KP_SERVE_H

#include "app.h"

/* Serves until SIGINT or SIGTERM; returns the process exit status. */
int cmd_serve(int argc, char **argv, struct app *app);

#endif
