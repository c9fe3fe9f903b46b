package dev.omnichannel.messaging.template.service;

/**
 * How many SMS segments a text takes: GSM-7 when every character is in the GSM 03.38 alphabet
 * (160 per single message, 153 per part of a long one; the extension characters count twice),
 * otherwise UCS-2 (70, or 67 per part, counted in UTF-16 units).
 */
public final class SmsLength {

    public static final int MAX_SEGMENTS = 3;

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    /** @param units septets for GSM-7, UTF-16 code units for UCS-2 */
    public record Measure(String encoding, int units, int segments) {

        public boolean fits() {
            return segments <= MAX_SEGMENTS;
        }

        /** The longest text of this encoding that still fits. */
        public int maxUnits() {
            return "GSM-7".equals(encoding) ? 153 * MAX_SEGMENTS : 67 * MAX_SEGMENTS;
        }
    }

    private SmsLength() {
    }

    public static Measure measure(String text) {
        int septets = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length() && gsm; i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets += 1;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                gsm = false;
            }
        }
        if (gsm) {
            return new Measure("GSM-7", septets, segments(septets, 160, 153));
        }
        int units = text.length();
        return new Measure("UCS-2", units, segments(units, 70, 67));
    }

    private static int segments(int units, int single, int perPart) {
        if (units <= single) {
            return 1;
        }
        return (units + perPart - 1) / perPart;
    }
}
