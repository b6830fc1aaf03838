/* The Drechtsteden: six municipalities and their volunteers (seed 004,
   table 1, average 2000–2009), the proportions the demo network follows. */
#include <string.h>

#include "demo/gen.h"

const struct region_municipality region_municipalities[DEMO_MUNICIPALITIES] = {
	{ "Alblasserdam", 2628 },
	{ "Dordrecht", 17606 },
	{ "Hendrik-Ido-Ambacht", 3703 },
	{ "Papendrecht", 5319 },
	{ "Sliedrecht", 4060 },
	{ "Zwijndrecht", 7126 },
};

const char *demo_municipality(int i)
{
	return i >= 0 && i < DEMO_MUNICIPALITIES ? region_municipalities[i].name : NULL;
}

int region_index(const char *name)
{
	for (int i = 0; i < DEMO_MUNICIPALITIES; i++)
		if (strcmp(region_municipalities[i].name, name) == 0)
			return i;
	return -1;
}

void region_quota(int n, int quota[DEMO_MUNICIPALITIES])
{
	long long total = 0, given = 0;
	long long rest[DEMO_MUNICIPALITIES];
	for (int i = 0; i < DEMO_MUNICIPALITIES; i++)
		total += region_municipalities[i].volunteers;
	for (int i = 0; i < DEMO_MUNICIPALITIES; i++) {
		long long share = (long long)n * region_municipalities[i].volunteers;
		quota[i] = (int)(share / total);
		rest[i] = share % total;
		given += quota[i];
	}
	/* Largest remainder: the seats left go to the biggest fractions. */
	while (given < n) {
		int best = 0;
		for (int i = 1; i < DEMO_MUNICIPALITIES; i++)
			if (rest[i] > rest[best])
				best = i;
		quota[best]++;
		rest[best] = -1;
		given++;
	}
}
