#ifndef CANONYM_MEMORY_H
#define CANONYM_MEMORY_H

/// Hands back to the system the whole pages that the C allocator holds free. glibc keeps the
/// memory of freed small objects for reuse, so a build that frees hundreds of megabytes of them
/// and then fills fresh tables would otherwise hold both. Returns 1 when memory was released;
/// a no-op (0) where the allocator is not glibc's.
int canonym_release_free_memory(void);

#endif
