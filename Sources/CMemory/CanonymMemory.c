#include "CanonymMemory.h"
#include <stdlib.h>  // defines __GLIBC__ under glibc

#if defined(__GLIBC__)
#include <malloc.h>

int canonym_release_free_memory(void) { return malloc_trim(0); }
#else
int canonym_release_free_memory(void) { return 0; }
#endif
