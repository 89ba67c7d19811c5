// A plain-C facade over the system ICU. No ICU type or header crosses this line, so Swift
// modules that also import Foundation (which carries a private ICU copy) never see ICU's headers.
#ifndef CANONYM_ICU_H
#define CANONYM_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An opened ICU transliterator. Not safe for concurrent use: callers serialise access.
typedef struct CanonymTransliterator CanonymTransliterator;

/// Opens the transform `id` (UTF-16, `idLength` code units), or, when `rules` is not NULL, a
/// transform of those rules (ICU's rule syntax, `::` steps included) named `id`. On failure
/// returns NULL and writes ICU's error name (NUL-terminated, truncated to `errorNameCapacity`)
/// into `errorName`.
CanonymTransliterator *_Nullable canonym_translit_open(const uint16_t *_Nonnull id, int32_t idLength,
                                                       const uint16_t *_Nullable rules, int32_t rulesLength,
                                                       char *_Nonnull errorName, int32_t errorNameCapacity);

void canonym_translit_close(CanonymTransliterator *_Nullable transliterator);

/// Transliterates `text[0..<length]` in place. Returns the new length; when it exceeds
/// `capacity` nothing usable was written and the caller retries with a buffer that large.
/// Returns -1 on any other ICU failure and writes the error name into `errorName`.
int32_t canonym_translit_apply(CanonymTransliterator *_Nonnull transliterator, uint16_t *_Nonnull text,
                               int32_t length, int32_t capacity,
                               char *_Nonnull errorName, int32_t errorNameCapacity);

/// Canonical composition (NFC) of `source` into `destination`. Returns the needed length
/// (retry with that capacity when larger than `capacity`), or -1 on failure.
int32_t canonym_normalize_nfc(const uint16_t *_Nonnull source, int32_t length,
                              uint16_t *_Nonnull destination, int32_t capacity);

/// 1 when NFC leaves `codePoint` as it is wherever it stands (NFC quick check "yes" and combining
/// class 0), so that a text made only of such code points is already NFC; 0 otherwise.
int32_t canonym_nfc_is_stable(uint32_t codePoint);

/// Full Unicode case folding of `source` into `destination`; same return convention as NFC.
int32_t canonym_fold_case(const uint16_t *_Nonnull source, int32_t length,
                          uint16_t *_Nonnull destination, int32_t capacity);

/// ICU's script code (UScriptCode value) of one code point; 0 common, 1 inherited.
int32_t canonym_script_of(uint32_t codePoint);

/// The ICU version the library was linked with, e.g. "72.1".
const char *_Nonnull canonym_icu_version(void);

#ifdef __cplusplus
}
#endif

#endif
