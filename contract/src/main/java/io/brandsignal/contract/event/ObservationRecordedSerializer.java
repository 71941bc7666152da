package io.brandsignal.contract.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes an {@link ObservationRecorded} as the same JSON Jackson writes for it (fields in declaration
 * order, the day as {@code YYYY-MM-DD}, the value as {@link Double#toString(double)}, the instant as
 * {@link Instant#toString()}), without reflection or a generator per record: ingest serializes every
 * accepted observation on the request thread, and there the general serializer was a third of the
 * request's CPU. {@code ObservationRecordedSerializerTests} holds it byte for byte to Jackson's output.
 */
public final class ObservationRecordedSerializer implements Serializer<ObservationRecorded> {

	private static final byte[] HEX = ascii("0123456789abcdef");

	// The names with their punctuation, copied whole into each record.
	private static final byte[] BRAND = ascii("{\"brand\":");

	private static final byte[] METRIC = ascii(",\"metric\":");

	private static final byte[] CHANNEL = ascii(",\"channel\":");

	private static final byte[] DATE = ascii(",\"date\":");

	private static final byte[] VALUE = ascii(",\"value\":");

	private static final byte[] RECEIVED_AT = ascii(",\"receivedAt\":");

	private static final byte[] SOURCE = ascii(",\"source\":");

	@Override
	public byte[] serialize(String topic, ObservationRecorded observation) {
		if (observation == null) {
			return null;
		}
		Output out = new Output();
		out.raw(BRAND);
		out.string(observation.brand());
		out.raw(METRIC);
		out.string(observation.metric());
		out.raw(CHANNEL);
		out.string(observation.channel());
		out.raw(DATE);
		if (observation.date() == null) {
			out.ascii("null");
		}
		else {
			out.ascii('"');
			day(out, observation.date());
			out.ascii('"');
		}
		out.raw(VALUE);
		double value = observation.value();
		// Jackson writes non-finite doubles as quoted names; validated observations are always finite.
		out.ascii(Double.isFinite(value) ? Double.toString(value) : "\"" + value + "\"");
		out.raw(RECEIVED_AT);
		if (observation.receivedAt() == null) {
			out.ascii("null");
		}
		else {
			out.ascii('"');
			instant(out, observation.receivedAt());
			out.ascii('"');
		}
		out.raw(SOURCE);
		out.string(observation.source());
		out.ascii('}');
		return out.toByteArray();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static void day(Output out, LocalDate date) {
		int year = date.getYear();
		if (year < 0 || year > 9999) {
			// Outside four digits the ISO form has a sign; validated days never are.
			out.ascii(date.toString());
			return;
		}
		out.digits(year, 4);
		out.ascii('-');
		out.digits(date.getMonthValue(), 2);
		out.ascii('-');
		out.digits(date.getDayOfMonth(), 2);
	}

	/** As {@link Instant#toString()}: the fraction in groups of three digits, trailing zero groups left out. */
	private static void instant(Output out, Instant instant) {
		long seconds = instant.getEpochSecond();
		long days = Math.floorDiv(seconds, 86_400L);
		int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
		LocalDate date = LocalDate.ofEpochDay(days);
		if (date.getYear() < 0 || date.getYear() > 9999) {
			out.ascii(instant.toString());
			return;
		}
		day(out, date);
		out.ascii('T');
		out.digits(secondOfDay / 3600, 2);
		out.ascii(':');
		out.digits(secondOfDay / 60 % 60, 2);
		out.ascii(':');
		out.digits(secondOfDay % 60, 2);
		int nanos = instant.getNano();
		if (nanos > 0) {
			out.ascii('.');
			if (nanos % 1_000_000 == 0) {
				out.digits(nanos / 1_000_000, 3);
			}
			else if (nanos % 1_000 == 0) {
				out.digits(nanos / 1_000, 6);
			}
			else {
				out.digits(nanos, 9);
			}
		}
		out.ascii('Z');
	}

	/** A growing byte buffer that writes JSON pieces as UTF-8. */
	private static final class Output {

		private byte[] bytes = new byte[192];

		private int length;

		void ascii(char c) {
			ensure(1);
			this.bytes[this.length++] = (byte) c;
		}

		void ascii(String text) {
			int n = text.length();
			ensure(n);
			for (int i = 0; i < n; i++) {
				this.bytes[this.length++] = (byte) text.charAt(i);
			}
		}

		void raw(byte[] more) {
			ensure(more.length);
			System.arraycopy(more, 0, this.bytes, this.length, more.length);
			this.length += more.length;
		}

		void digits(int value, int width) {
			ensure(width);
			for (int i = width - 1; i >= 0; i--) {
				this.bytes[this.length + i] = (byte) ('0' + value % 10);
				value /= 10;
			}
			this.length += width;
		}

		/** A JSON string, escaped as Jackson escapes it, or {@code null}. */
		void string(String text) {
			if (text == null) {
				ascii("null");
				return;
			}
			ascii('"');
			int n = text.length();
			for (int i = 0; i < n; i++) {
				char c = text.charAt(i);
				if (c < 0x80) {
					if (c >= 0x20 && c != '"' && c != '\\') {
						ascii(c);
					}
					else {
						escape(c);
					}
				}
				else if (c < 0x800) {
					utf8(0xC0 | (c >> 6), 0x80 | (c & 0x3F));
				}
				else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
					int cp = Character.toCodePoint(c, text.charAt(++i));
					utf8(0xF0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3F), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F));
				}
				else if (Character.isSurrogate(c)) {
					// A lone surrogate has no UTF-8 form; written as the JDK's encoder does.
					ascii('?');
				}
				else {
					utf8(0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F));
				}
			}
			ascii('"');
		}

		private void utf8(int... units) {
			ensure(units.length);
			for (int unit : units) {
				this.bytes[this.length++] = (byte) unit;
			}
		}

		private void escape(char c) {
			switch (c) {
				case '"' -> ascii("\\\"");
				case '\\' -> ascii("\\\\");
				case '\n' -> ascii("\\n");
				case '\r' -> ascii("\\r");
				case '\t' -> ascii("\\t");
				case '\b' -> ascii("\\b");
				case '\f' -> ascii("\\f");
				default -> {
					ascii("\\u00");
					ascii((char) HEX[c >> 4]);
					ascii((char) HEX[c & 0xF]);
				}
			}
		}

		private void ensure(int more) {
			if (this.length + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
			}
		}

		byte[] toByteArray() {
			return Arrays.copyOf(this.bytes, this.length);
		}

	}

}
