package ledger.api.rest;

import org.springframework.beans.TypeMismatchException;

/**
 * What was wrong with a request parameter, said to a person: the parameter's name and the form it
 * takes, in Chinese first and English after, never a Java type name. The pages and the API problems
 * both say it this way.
 */
public final class ParameterText {

    private ParameterText() {}

    /** The name of the parameter at fault, or {@code request} when the framework does not say. */
    public static String name(TypeMismatchException mismatch) {
        return mismatch.getPropertyName() == null ? "request" : mismatch.getPropertyName();
    }

    /** A value that is not of the parameter's form, e.g. a date that is not yyyy-mm-dd. */
    public static String wrongValue(TypeMismatchException mismatch) {
        String name = name(mismatch);
        Class<?> type = mismatch.getRequiredType();
        String chinese;
        String english;
        if (type == java.time.LocalDate.class) {
            chinese = "应为日期，写作 yyyy-mm-dd（如 2020-12-31）";
            english = "a date written yyyy-mm-dd";
        } else if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class) {
            chinese = "应为整数";
            english = "a whole number";
        } else {
            chinese = "的值无效";
            english = "a valid value";
        }
        String given = String.valueOf(mismatch.getValue());
        String shown = given.length() > 40 ? given.substring(0, 40) + "…" : given;
        return "参数 "
                + name
                + " "
                + chinese
                + "，收到的是“"
                + shown
                + "” ("
                + name
                + " must be "
                + english
                + ", got '"
                + shown
                + "')";
    }

    /** A required parameter that was not sent. */
    public static String missing(String name) {
        return "缺少参数 " + name + " (" + name + " is required)";
    }
}
