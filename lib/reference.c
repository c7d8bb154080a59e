/*
 * The switch between fast paths and their references (reference.h).
 */
#include <stdlib.h>
#include <string.h>

#include "reference.h"

int sp_reference;

void
sp_reference_init(void)
{
	const char *s = getenv("SP_REFERENCE");

	sp_reference = s != NULL && *s != '\0' && strcmp(s, "0") != 0;
}
