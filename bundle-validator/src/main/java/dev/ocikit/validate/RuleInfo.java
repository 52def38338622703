package dev.ocikit.validate;

/**
 * What a rule is, as data: reports, {@code oci-tool explain} and the rules catalog are built from
 * it.
 *
 * @param id stable identifier, dotted, lowercase (e.g. {@code process.cwd.absolute})
 * @param level RFC 2119 level of the spec sentence, or ADVICE
 * @param summary one sentence in our words
 * @param specUrl link to the spec text with anchor, at the pinned spec version
 * @param platform {@code all}, {@code linux}, {@code windows}, … where the rule applies
 */
public record RuleInfo(String id, Level level, String summary, String specUrl, String platform) {}
