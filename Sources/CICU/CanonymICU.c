#include "CanonymICU.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

static void copy_error_name(UErrorCode status, char *errorName, int32_t capacity) {
    if (capacity <= 0) return;
    strncpy(errorName, u_errorName(status), (size_t)capacity - 1);
    errorName[capacity - 1] = '\0';
}

CanonymTransliterator *canonym_translit_open(const uint16_t *id, int32_t idLength,
                                             const uint16_t *rules, int32_t rulesLength,
                                             char *errorName, int32_t errorNameCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parseError;
    UTransliterator *t = utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD, (const UChar *)rules,
                                      rules ? rulesLength : 0, &parseError, &status);
    if (U_FAILURE(status)) {
        copy_error_name(status, errorName, errorNameCapacity);
        return NULL;
    }
    return (CanonymTransliterator *)t;
}

void canonym_translit_close(CanonymTransliterator *transliterator) {
    if (transliterator) utrans_close((UTransliterator *)transliterator);
}

int32_t canonym_translit_apply(CanonymTransliterator *transliterator, uint16_t *text,
                               int32_t length, int32_t capacity,
                               char *errorName, int32_t errorNameCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars((const UTransliterator *)transliterator, (UChar *)text, &textLength,
                       capacity, 0, &limit, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return textLength > capacity ? textLength : capacity + 1;
    if (U_FAILURE(status)) {
        copy_error_name(status, errorName, errorNameCapacity);
        return -1;
    }
    return textLength;
}

int32_t canonym_normalize_nfc(const uint16_t *source, int32_t length,
                              uint16_t *destination, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -1;
    int32_t needed = unorm2_normalize(nfc, (const UChar *)source, length, (UChar *)destination,
                                      capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return needed;
    return U_FAILURE(status) ? -1 : needed;
}

int32_t canonym_nfc_is_stable(uint32_t codePoint) {
    return u_getIntPropertyValue((UChar32)codePoint, UCHAR_NFC_QUICK_CHECK) == UNORM_YES
        && u_getCombiningClass((UChar32)codePoint) == 0;
}

int32_t canonym_fold_case(const uint16_t *source, int32_t length,
                          uint16_t *destination, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = u_strFoldCase((UChar *)destination, capacity, (const UChar *)source, length,
                                   U_FOLD_CASE_DEFAULT, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return needed;
    return U_FAILURE(status) ? -1 : needed;
}

int32_t canonym_script_of(uint32_t codePoint) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)codePoint, &status);
    return U_FAILURE(status) ? USCRIPT_UNKNOWN : (int32_t)code;
}

const char *canonym_icu_version(void) {
    static char text[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, text);
    return text;
}
