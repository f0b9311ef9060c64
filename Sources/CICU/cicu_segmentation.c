#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uregex.h>

int32_t cicu_sentence_breaks(const uint16_t *text, int32_t length, const char *locale,
                             int32_t *breaks, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_SENTENCE, locale, (const UChar *)text, length, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t count = 0;
    for (int32_t position = ubrk_next(iterator); position != UBRK_DONE; position = ubrk_next(iterator)) {
        if (count < capacity) breaks[count] = position;
        count++;
    }
    ubrk_close(iterator);
    *status = count > capacity ? U_BUFFER_OVERFLOW_ERROR : U_ZERO_ERROR;
    return count;
}

/// The compiled rules of an iterator, to tell whether two iterators run the same rules; NULL
/// when there are none to compare (an iterator that is not rule-based).
static uint8_t *sentence_rules(const char *locale, int32_t *length) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &error);
    if (U_FAILURE(error)) return NULL;
    *length = ubrk_getBinaryRules(iterator, NULL, 0, &error);
    uint8_t *rules = U_SUCCESS(error) && *length > 0 ? malloc((size_t)*length) : NULL;
    if (rules != NULL) {
        ubrk_getBinaryRules(iterator, rules, *length, &error);
        if (U_FAILURE(error)) {
            free(rules);
            rules = NULL;
        }
    }
    ubrk_close(iterator);
    return rules;
}

int32_t cicu_sentence_boundary_units(const char *locale, uint64_t *table, int32_t *status) {
    *status = U_ZERO_ERROR;
    int32_t root_length = 0;
    int32_t locale_length = 0;
    uint8_t *root = sentence_rules("", &root_length);
    uint8_t *tailored = sentence_rules(locale, &locale_length);
    int32_t is_root = root != NULL && tailored != NULL && root_length == locale_length && memcmp(root, tailored, (size_t)root_length) == 0;
    free(root);
    free(tailored);
    if (!is_root) return 0;
    memset(table, 0, 1024 * sizeof *table);
    for (UChar32 unit = 0; unit <= 0xFFFF; unit++) {
        int32_t kind = u_getIntPropertyValue(unit, UCHAR_SENTENCE_BREAK);
        int32_t ends = kind == U_SB_ATERM || kind == U_SB_STERM || kind == U_SB_SEP || kind == U_SB_CR || kind == U_SB_LF
            || (unit >= 0xD800 && unit <= 0xDFFF);
        if (ends) table[unit >> 6] |= (uint64_t)1 << (unit & 63);
    }
    return 1;
}

struct cicu_sentence_iterator {
    UBreakIterator *iterator;
};

cicu_sentence_iterator *cicu_sentence_iterator_open(const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &error);
    *status = error;
    if (U_FAILURE(error)) return NULL;
    cicu_sentence_iterator *result = malloc(sizeof *result);
    if (result == NULL) {
        ubrk_close(iterator);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->iterator = iterator;
    return result;
}

void cicu_sentence_iterator_close(cicu_sentence_iterator *iterator) {
    if (iterator == NULL) return;
    ubrk_close(iterator->iterator);
    free(iterator);
}

int32_t cicu_sentence_iterator_breaks(cicu_sentence_iterator *iterator, const uint16_t *text, int32_t length,
                                      int32_t *breaks, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    // setText starts the iteration afresh: the boundaries are those of a new iterator.
    ubrk_setText(iterator->iterator, (const UChar *)text, length, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t count = 0;
    for (int32_t position = ubrk_next(iterator->iterator); position != UBRK_DONE; position = ubrk_next(iterator->iterator)) {
        if (count < capacity) breaks[count] = position;
        count++;
    }
    *status = count > capacity ? U_BUFFER_OVERFLOW_ERROR : U_ZERO_ERROR;
    return count;
}

int32_t cicu_word_count(const uint16_t *text, int32_t length, const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, locale, (const UChar *)text, length, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t count = 0;
    for (int32_t position = ubrk_next(iterator); position != UBRK_DONE; position = ubrk_next(iterator)) {
        if (ubrk_getRuleStatus(iterator) != UBRK_WORD_NONE) count++;
    }
    ubrk_close(iterator);
    *status = U_ZERO_ERROR;
    return count;
}

struct cicu_regex {
    URegularExpression *expression;
};

cicu_regex *cicu_regex_open(const char *pattern, int32_t case_insensitive, int32_t *error_offset,
                            int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UParseError parse;
    uint32_t flags = case_insensitive ? UREGEX_CASE_INSENSITIVE : 0;
    URegularExpression *expression = uregex_openC(pattern, flags, &parse, &error);
    *status = error;
    if (U_FAILURE(error)) {
        *error_offset = parse.offset;
        return NULL;
    }
    cicu_regex *regex = malloc(sizeof *regex);
    if (regex == NULL) {
        uregex_close(expression);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    regex->expression = expression;
    return regex;
}

cicu_regex *cicu_regex_clone(const cicu_regex *regex, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    URegularExpression *expression = uregex_clone(regex->expression, &error);
    *status = error;
    if (U_FAILURE(error)) return NULL;
    cicu_regex *copy = malloc(sizeof *copy);
    if (copy == NULL) {
        uregex_close(expression);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    copy->expression = expression;
    return copy;
}

void cicu_regex_close(cicu_regex *regex) {
    if (regex == NULL) return;
    uregex_close(regex->expression);
    free(regex);
}

void cicu_regex_set_text(cicu_regex *regex, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    uregex_setText(regex->expression, (const UChar *)text, length, &error);
    // Lookbehind and \b may look before a match's start: bounds are transparent.
    uregex_useTransparentBounds(regex->expression, 1, &error);
    uregex_useAnchoringBounds(regex->expression, 0, &error);
    *status = error;
}

int32_t cicu_regex_find(cicu_regex *regex, int32_t start, int32_t *match_start, int32_t *match_end,
                        int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBool found = uregex_find(regex->expression, start, &error);
    if (U_SUCCESS(error) && found) {
        *match_start = uregex_start(regex->expression, 0, &error);
        *match_end = uregex_end(regex->expression, 0, &error);
    }
    *status = error;
    return (U_SUCCESS(error) && found) ? 1 : 0;
}

int32_t cicu_regex_matches_at(cicu_regex *regex, int32_t start, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBool found = uregex_lookingAt(regex->expression, start, &error);
    *status = error;
    return (U_SUCCESS(error) && found) ? 1 : 0;
}

int32_t cicu_regex_match_end_at(cicu_regex *regex, int32_t start, int32_t *match_end, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBool found = uregex_lookingAt(regex->expression, start, &error);
    if (U_SUCCESS(error) && found) *match_end = uregex_end(regex->expression, 0, &error);
    *status = error;
    return (U_SUCCESS(error) && found) ? 1 : 0;
}
