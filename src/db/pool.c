/*
 * A fixed pool of connections for the server's threads.
 * Invariant: free_list[0..n_free) are the connections not handed out;
 * every access to them holds `lock`.
 */
#include "db/db.h"

#include <pthread.h>
#include <stdlib.h>

struct db_pool {
	pthread_mutex_t lock;
	pthread_cond_t available;
	struct db **all;        /* every connection, owned */
	struct db **free_list;  /* connections ready to hand out */
	int size;
	int n_free;
};

int db_pool_open(const char *path, int size, struct db_pool **out, struct kp_error *err)
{
	struct db_pool *pool = calloc(1, sizeof *pool);
	if (pool == NULL)
		return kp_internal(err);
	pthread_mutex_init(&pool->lock, NULL);
	pthread_cond_init(&pool->available, NULL);
	pool->all = calloc((size_t)size, sizeof *pool->all);
	pool->free_list = calloc((size_t)size, sizeof *pool->free_list);
	if (pool->all == NULL || pool->free_list == NULL) {
		db_pool_close(pool);
		return kp_internal(err);
	}
	for (int i = 0; i < size; i++) {
		if (db_open(path, &pool->all[i], err)) {
			db_pool_close(pool);
			return KP_ERR;
		}
		pool->free_list[pool->n_free++] = pool->all[i];
		pool->size++;
	}
	*out = pool;
	return KP_OK;
}

struct db *db_pool_acquire(struct db_pool *pool)
{
	pthread_mutex_lock(&pool->lock);
	while (pool->n_free == 0)
		pthread_cond_wait(&pool->available, &pool->lock);
	struct db *db = pool->free_list[--pool->n_free];
	pthread_mutex_unlock(&pool->lock);
	return db;
}

void db_pool_release(struct db_pool *pool, struct db *db)
{
	db_rollback(db); /* a handler that failed midway leaves no open transaction */
	pthread_mutex_lock(&pool->lock);
	pool->free_list[pool->n_free++] = db;
	pthread_cond_signal(&pool->available);
	pthread_mutex_unlock(&pool->lock);
}

void db_pool_close(struct db_pool *pool)
{
	if (pool == NULL)
		return;
	for (int i = 0; i < pool->size; i++)
		db_close(pool->all[i]);
	free(pool->all);
	free(pool->free_list);
	pthread_cond_destroy(&pool->available);
	pthread_mutex_destroy(&pool->lock);
	free(pool);
}
