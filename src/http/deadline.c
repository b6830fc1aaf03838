#include "http/deadline.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

struct http_deadline {
	int fd;                        /* the connection's socket, open while listed */
	int64_t due_ms;                /* monotonic; 0: no deadline now */
	struct http_deadline *prev, *next;
};

struct http_deadlines {
	pthread_mutex_t lock;          /* guards everything below */
	pthread_cond_t wake;           /* signalled to stop */
	pthread_t thread;
	bool stopping;
	int header_ms, body_ms;
	struct http_deadline *head;    /* every open connection */
};

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Shuts down every socket past its deadline, once. Lock held. */
static void sweep(struct http_deadlines *d)
{
	int64_t now = now_ms();
	for (struct http_deadline *c = d->head; c != NULL; c = c->next) {
		if (c->due_ms == 0 || c->due_ms > now)
			continue;
		shutdown(c->fd, SHUT_RDWR);
		c->due_ms = 0;
	}
}

static void *watch(void *arg)
{
	struct http_deadlines *d = arg;
	pthread_mutex_lock(&d->lock);
	while (!d->stopping) {
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += (long)HTTP_DEADLINE_TICK_MS * 1000000;
		until.tv_sec += until.tv_nsec / 1000000000;
		until.tv_nsec %= 1000000000;
		int rc = pthread_cond_timedwait(&d->wake, &d->lock, &until);
		if (rc == ETIMEDOUT || rc == 0)
			sweep(d);
	}
	pthread_mutex_unlock(&d->lock);
	return NULL;
}

int http_deadlines_start(int header_ms, int body_ms, struct http_deadlines **out,
                         struct kp_error *err)
{
	struct http_deadlines *d = calloc(1, sizeof *d);
	if (d == NULL)
		return kp_internal(err);
	d->header_ms = header_ms;
	d->body_ms = body_ms;
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_mutex_init(&d->lock, NULL);
	pthread_cond_init(&d->wake, &attr);
	pthread_condattr_destroy(&attr);
	if (pthread_create(&d->thread, NULL, watch, d) != 0) {
		pthread_cond_destroy(&d->wake);
		pthread_mutex_destroy(&d->lock);
		free(d);
		return kp_internal(err);
	}
	*out = d;
	return KP_OK;
}

void http_deadlines_stop(struct http_deadlines *d)
{
	if (d == NULL)
		return;
	pthread_mutex_lock(&d->lock);
	d->stopping = true;
	pthread_cond_signal(&d->wake);
	pthread_mutex_unlock(&d->lock);
	pthread_join(d->thread, NULL);
	while (d->head != NULL) { /* none left when the daemon was stopped first */
		struct http_deadline *c = d->head;
		d->head = c->next;
		free(c);
	}
	pthread_cond_destroy(&d->wake);
	pthread_mutex_destroy(&d->lock);
	free(d);
}

/* Sets c's deadline to `in_ms` from now (0: none). */
static void set_due(struct http_deadlines *d, struct http_deadline *c, int in_ms)
{
	if (c == NULL)
		return;
	pthread_mutex_lock(&d->lock);
	c->due_ms = in_ms > 0 ? now_ms() + in_ms : 0;
	pthread_mutex_unlock(&d->lock);
}

struct http_deadline *http_deadline_open(struct http_deadlines *d, int fd)
{
	struct http_deadline *c = calloc(1, sizeof *c);
	if (c == NULL)
		return NULL;
	c->fd = fd;
	pthread_mutex_lock(&d->lock);
	c->due_ms = now_ms() + d->header_ms;
	c->next = d->head;
	if (d->head != NULL)
		d->head->prev = c;
	d->head = c;
	pthread_mutex_unlock(&d->lock);
	return c;
}

void http_deadline_headers_done(struct http_deadlines *d, struct http_deadline *c)
{
	set_due(d, c, d->body_ms);
}

void http_deadline_body_done(struct http_deadlines *d, struct http_deadline *c)
{
	set_due(d, c, 0);
}

void http_deadline_next_request(struct http_deadlines *d, struct http_deadline *c)
{
	set_due(d, c, d->header_ms);
}

void http_deadline_close(struct http_deadlines *d, struct http_deadline *c)
{
	if (c == NULL)
		return;
	pthread_mutex_lock(&d->lock);
	if (c->prev != NULL)
		c->prev->next = c->next;
	else
		d->head = c->next;
	if (c->next != NULL)
		c->next->prev = c->prev;
	pthread_mutex_unlock(&d->lock);
	free(c);
}
