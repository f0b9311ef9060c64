#ifndef TRANSLATE_PIPELINE_CICU_SCRIPT_H
#define TRANSLATE_PIPELINE_CICU_SCRIPT_H

// ICU-free interface to ICU's character properties the QA checks need: which script a letter
// belongs to (uscript) and the value of a decimal digit in any script (u_charDigitValue).
// Kept beside cicu.h (the module map takes every header in this folder).

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The ISO 15924 short name of the script of a code point ("Latn", "Arab", "Cyrl", "Zyyy" for
/// Common, "Zinh" for Inherited); returns its length (at most 4), 0 on failure.
int32_t cicu_script_of(uint32_t code_point, char *out, int32_t capacity);

/// 1 when the code point is used in the script named by its ISO 15924 short name, counting its
/// Script_Extensions (U+0640 ARABIC TATWEEL is Common but used in Arab); 0 otherwise or when
/// the name is unknown.
int32_t cicu_script_has(uint32_t code_point, const char *script);

/// The long name of a script given by its ISO 15924 short name ("Cyrl" -> "Cyrillic"), with
/// underscores as ICU writes them ("Old_Italic"); returns its length, 0 when unknown.
int32_t cicu_script_long_name(const char *script, char *out, int32_t capacity);

/// The value of a decimal digit in any script (0-9 for "7", "٧", "۷"), -1 for other characters.
int32_t cicu_digit_value(uint32_t code_point);

#ifdef __cplusplus
}
#endif

#endif
