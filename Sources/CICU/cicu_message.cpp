// ICU MessageFormat with named arguments. ICU's C API (umsg) only takes numbered arguments
// through varargs, which cannot carry names like {count} or {date}; the C++ MessageFormat
// can, so this one file is C++ behind the same ICU-free C header.

#include "cicu.h"

#include <cstring>
#include <memory>
#include <string>
#include <vector>
#include <unicode/fmtable.h>
#include <unicode/msgfmt.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

namespace {

bool localeFromTag(const char *tag, icu::Locale &locale, UErrorCode &error) {
    char id[ULOC_FULLNAME_CAPACITY];
    int32_t parsed = 0;
    uloc_forLanguageTag(tag, id, (int32_t)sizeof id, &parsed, &error);
    if (U_FAILURE(error)) return false;
    if (parsed != (int32_t)strlen(tag) || id[0] == '\0') { error = U_ILLEGAL_ARGUMENT_ERROR; return false; }
    locale = icu::Locale(id);
    return true;
}

int32_t writeUTF8(const icu::UnicodeString &text, char *out, int32_t capacity, UErrorCode &error) {
    std::string utf8;
    text.toUTF8String(utf8);
    int32_t length = (int32_t)utf8.size();
    if (length > capacity) { error = U_BUFFER_OVERFLOW_ERROR; return length; }
    memcpy(out, utf8.data(), utf8.size());
    return length;
}

std::unique_ptr<icu::MessageFormat> compile(const char *tag, const char *pattern, int32_t *error_offset,
                                            UErrorCode &error) {
    icu::Locale locale;
    if (!localeFromTag(tag, locale, error)) return nullptr;
    UParseError parseError;
    auto format = std::make_unique<icu::MessageFormat>(icu::UnicodeString::fromUTF8(pattern), locale, parseError, error);
    if (U_FAILURE(error)) {
        if (error_offset != nullptr) *error_offset = parseError.offset;
        return nullptr;
    }
    return format;
}

} // namespace

extern "C" int32_t cicu_message_format(const char *locale, const char *pattern, const char *const *names,
                                       const int32_t *kinds, const char *const *strings, const double *numbers,
                                       int32_t count, char *out, int32_t capacity, int32_t *error_offset,
                                       int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    auto format = compile(locale, pattern, error_offset, error);
    if (!format) { *status = error; return 0; }
    std::vector<icu::UnicodeString> argumentNames;
    std::vector<icu::Formattable> arguments;
    for (int32_t i = 0; i < count; i++) {
        argumentNames.push_back(icu::UnicodeString::fromUTF8(names[i]));
        if (kinds[i] == 1) {
            arguments.emplace_back(numbers[i]);
        } else {
            arguments.emplace_back(icu::UnicodeString::fromUTF8(strings[i]));
        }
    }
    icu::UnicodeString result;
    format->format(argumentNames.data(), arguments.data(), count, result, error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t length = writeUTF8(result, out, capacity, error);
    *status = error;
    return length;
}

extern "C" int32_t cicu_message_argument_names(const char *locale, const char *pattern, char *out,
                                               int32_t capacity, int32_t *error_offset, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    auto format = compile(locale, pattern, error_offset, error);
    if (!format) { *status = error; return 0; }
    std::unique_ptr<icu::StringEnumeration> names(format->getFormatNames(error));
    icu::UnicodeString joined;
    const icu::UnicodeString *name;
    while (U_SUCCESS(error) && names && (name = names->snext(error)) != nullptr) {
        if (!joined.isEmpty()) joined.append((UChar)' ');
        joined.append(*name);
    }
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t length = writeUTF8(joined, out, capacity, error);
    *status = error;
    return length;
}
