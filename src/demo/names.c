#include "demo/names.h"

#include <string.h>

static const char *const dutch_first[] = {
	"Anna", "Maria", "Johanna", "Cornelia", "Wilhelmina", "Elisabeth", "Geertruida", "Ria",
	"Annie", "Truus", "Joke", "Ineke", "Marja", "Gerda", "Anneke", "Wilma", "Margreet",
	"Petra", "Monique", "Sandra", "Esther", "Linda", "Marieke", "Ingrid", "Judith", "Mirjam",
	"Annemarie", "Femke", "Sanne", "Lotte", "Fleur", "Eva", "Lisa", "Sophie", "Emma",
	"Julia", "Noor", "Iris", "Zoë", "Anouk", "Nienke", "Hanneke", "Lies", "Tineke", "Bep",
	"Ilse", "Rianne", "Marloes", "Annelies", "Jan", "Kees", "Piet", "Henk", "Gerrit", "Cor",
	"Wim", "Arie", "Teun", "Dirk", "Bram", "Willem", "Johannes", "Hendrik", "Jacob",
	"Adriaan", "Leendert", "Klaas", "Huib", "Martin", "Peter", "Rob", "Marcel", "Erik",
	"Ronald", "Hans", "Frank", "Jeroen", "Bas", "Sander", "Thijs", "Daan", "Ruben", "Joris",
	"Lars", "Sem", "Luuk", "Niels", "Tim", "Bert", "Gijs", "Aad", "Jaap", "Marco",
};
static const char *const dutch_last[] = {
	"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
	"Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
	"Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
	"de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
	"van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin",
	"van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven",
	"Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom",
	"Huisman", "Peeters", "de Jonge", "Kuipers", "van Veen", "Post", "Kuiper", "Veenstra",
	"Kramer", "van den Brink", "Scholten", "van Wijk", "Postma", "Martens", "Vink",
	"de Ruiter", "Timmermans", "Groen", "Gerritsen", "Jonker", "van Loon", "Boer",
	"van der Velde", "Willemsen", "Smeets", "de Lange", "de Vos", "Bosch", "van Dongen",
	"Molenaar", "Baars", "Verschoor", "Kooiman", "van Wingerden", "Stam", "Verhagen",
	"de Kruijf", "den Hartog", "van Rossum", "Boender", "Hoogendoorn", "Pols",
	"van Gils", "Ouwerkerk", "de Ridder", "Sterrenburg", "Kraaijeveld", "Hoogerwerf",
};
static const char *const moroccan_first[] = {
	"Mohamed", "Youssef", "Fatima", "Khadija", "Samira", "Nadia", "Rachid", "Said", "Amina",
	"Omar", "Ahmed", "Hanan", "Karim", "Latifa", "Naima", "Bilal",
};
static const char *const moroccan_last[] = {
	"El Amrani", "Bouzid", "El Idrissi", "Benali", "Ouali", "Azzouzi", "El Khattabi",
	"Boukhari", "Tahiri",
};
static const char *const turkish_first[] = {
	"Ayşe", "Fatma", "Emre", "Mehmet", "Özlem", "Zeynep", "Hatice", "Kemal", "Hakan", "Elif",
	"Mustafa", "Gül",
};
static const char *const turkish_last[] = {
	"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan",
};
static const char *const surinamese_first[] = {
	"Priya", "Roshni", "Ravi", "Sunita", "Shanti", "Glenn", "Jurgen", "Shirley", "Romano",
	"Anjali", "Orlando", "Wendy",
};
static const char *const surinamese_last[] = {
	"Ramdin", "Jagessar", "Ramsaran", "Mahabier", "Kromodimedjo", "Pinas", "Sabajo",
	"Doekhie",
};
static const char *const antillean_first[] = {
	"Milagros", "Rosa", "Jairo", "Giovanni", "Sharon", "Ruthmila", "Edsel", "Yolanda",
};
static const char *const antillean_last[] = { "Martina", "Rosaria", "Statia", "Felida", "Isenia" };
static const char *const polish_first[] = {
	"Agnieszka", "Katarzyna", "Piotr", "Tomasz", "Magdalena", "Krzysztof", "Anna", "Marek",
};
static const char *const polish_last[] = {
	"Kowalski", "Nowak", "Wiśniewska", "Lewandowski", "Zielińska", "Wójcik",
};
static const char *const eritrean_first[] = {
	"Senait", "Yonas", "Tesfay", "Merhawit", "Filmon", "Helen", "Semhar", "Daniel",
};
static const char *const eritrean_last[] = {
	"Tesfamariam", "Ghebremedhin", "Haile", "Berhane", "Tekle",
};
static const char *const other_first[] = {
	"Chen", "Mei", "Dewi", "Lamin", "Joyce", "Patricia", "Ana", "Minh", "Grace", "Carlos",
};
static const char *const other_last[] = {
	"Nguyen", "Wang", "Rodrigues", "Lopes", "Ceesay", "Tran", "Santos", "Mensah",
};

#define LIST(a) a, (int)(sizeof a / sizeof a[0])
static const struct {
	const char *const *first;
	int n_first;
	const char *const *last;
	int n_last;
	int weight;             /* per 1000 people */
	const char *language;
	int dutch_permille;
} groups[] = {
	{ LIST(dutch_first), LIST(dutch_last), 790, NULL, 1000 },
	{ LIST(moroccan_first), LIST(moroccan_last), 45, "ar", 990 },
	{ LIST(turkish_first), LIST(turkish_last), 45, "tr", 990 },
	{ LIST(surinamese_first), LIST(surinamese_last), 35, NULL, 1000 },
	{ LIST(antillean_first), LIST(antillean_last), 20, "pap", 1000 },
	{ LIST(polish_first), LIST(polish_last), 30, "pl", 850 },
	{ LIST(eritrean_first), LIST(eritrean_last), 15, "ti", 800 },
	{ LIST(other_first), LIST(other_last), 20, "en", 900 },
};
enum { GROUPS = (int)(sizeof groups / sizeof groups[0]) };

void names_pick(struct rng *r, struct names_person *out)
{
	int w[GROUPS];
	for (int i = 0; i < GROUPS; i++)
		w[i] = groups[i].weight;
	int g = rng_weighted(r, w, GROUPS);
	out->first = groups[g].first[rng_below(r, (uint32_t)groups[g].n_first)];
	/* Some people carry a partner's Dutch name. */
	int lg = g != 0 && rng_chance(r, 120) ? 0 : g;
	out->last = groups[lg].last[rng_below(r, (uint32_t)groups[lg].n_last)];
	out->language = groups[g].language;
	out->dutch_permille = groups[g].dutch_permille;
}

int names_first_total(void)
{
	int n = 0;
	for (int i = 0; i < GROUPS; i++)
		n += groups[i].n_first;
	return n;
}

int names_last_total(void)
{
	int n = 0;
	for (int i = 0; i < GROUPS; i++)
		n += groups[i].n_last;
	return n;
}

/* The base letter of a two-byte UTF-8 letter, or 0 when it has none here. */
static char fold_utf8(unsigned char lead, unsigned char next)
{
	static const char latin1[] = /* U+00C0..U+00FF */
		"aaaaaaaceeeeiiiidnooooo ouuuuyts"
		"aaaaaaaceeeeiiiidnooooo ouuuuyty";
	unsigned cp = ((unsigned)(lead & 0x1f) << 6) | (next & 0x3f);
	if (cp >= 0xc0 && cp <= 0xff)
		return latin1[cp - 0xc0];
	switch (cp) {
	case 0x11e: case 0x11f: return 'g';  /* ğ */
	case 0x130: case 0x131: return 'i';  /* İ ı */
	case 0x15e: case 0x15f: return 's';  /* ş */
	case 0x15a: case 0x15b: return 's';  /* ś */
	case 0x141: case 0x142: return 'l';  /* ł */
	case 0x106: case 0x107: return 'c';  /* ć */
	case 0x143: case 0x144: return 'n';  /* ń */
	case 0x17b: case 0x17c: case 0x179: case 0x17a: return 'z';
	default: return 0;
	}
}

static size_t append_folded(const char *s, char *out, size_t len, size_t cap)
{
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0' && len + 1 < cap; p++) {
		char c = 0;
		if (*p >= 'A' && *p <= 'Z')
			c = (char)(*p - 'A' + 'a');
		else if (*p >= 'a' && *p <= 'z')
			c = (char)*p;
		else if ((*p & 0xe0) == 0xc0 && p[1] != '\0') {
			c = fold_utf8(p[0], p[1]);
			p++;
		}
		if (c >= 'a' && c <= 'z')
			out[len++] = c;
	}
	out[len] = '\0';
	return len;
}

void names_email_part(const char *first, const char *last, char *out, size_t cap)
{
	if (cap == 0)
		return;
	out[0] = '\0';
	size_t len = append_folded(first, out, 0, cap);
	if (len + 1 < cap)
		out[len++] = '.';
	append_folded(last, out, len, cap);
}
