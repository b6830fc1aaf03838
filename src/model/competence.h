/*
 * The twelve general volunteer competences of EVC-A (Erkenning Verworven
 * Competenties - Algemene vrijwilligerscompetenties, MOVISIE; seed 004), as a
 * self-assessment the volunteer keeps: each rated 1 (beginner) … 4 (kan het
 * anderen leren), with an example as evidence.
 */
#ifndef KP_MODEL_COMPETENCE_H
#define KP_MODEL_COMPETENCE_H

#define COMPETENCE_COUNT 12
#define COMPETENCE_LEVEL_MIN 1
#define COMPETENCE_LEVEL_MAX 4
#define COMPETENCE_EVIDENCE_MAX 1000

/* The stable code of competence i (0 <= i < COMPETENCE_COUNT), NULL otherwise. */
const char *competence_code(int i);
/* Index of a code, -1 when unknown. */
int competence_parse(const char *code);
/* The Dutch or English name. */
const char *competence_label(int i, const char *lang);

#endif
