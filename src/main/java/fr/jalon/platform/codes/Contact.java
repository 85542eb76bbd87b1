package fr.jalon.platform.codes;

import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** E-mail and phone checks shared by every feature that stores a contact. */
public final class Contact {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Contact() {
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    /** Why a number is not a usable mobile phone, or the number in E.164. */
    public sealed interface Mobile permits Mobile.Valid, Mobile.Invalid, Mobile.Landline {
        record Valid(String e164) implements Mobile { }
        record Invalid() implements Mobile { }
        record Landline() implements Mobile { }
    }

    /** A mobile number (SMS can reach it); a landline is refused as such. */
    public static Mobile mobile(String value) {
        try {
            PhoneNumber number = PHONES.parse(value, "FR");
            if (!PHONES.isValidNumber(number)) {
                return new Mobile.Invalid();
            }
            PhoneNumberUtil.PhoneNumberType type = PHONES.getNumberType(number);
            if (type != PhoneNumberUtil.PhoneNumberType.MOBILE
                    && type != PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE) {
                return new Mobile.Landline();
            }
            return new Mobile.Valid(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return new Mobile.Invalid();
        }
    }

    /** A stored number in the national format people dial (« 05 58 00 00 00 »); unchanged if unreadable. */
    public static String national(String e164) {
        try {
            return PHONES.format(PHONES.parse(e164, "FR"), PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /** A valid phone number (French by default) in E.164, e.g. {@code +33558000000}. */
    public static Optional<String> phoneE164(String value) {
        try {
            PhoneNumber number = PHONES.parse(value, "FR");
            if (!PHONES.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
