package org.supportgate.ticketing.ticket;

import org.supportgate.auth.trust.Assurance;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** The ticket enums as the lower-case words the schema's CHECK constraints list. */
final class DbEnumConverters {

    private DbEnumConverters() {}

    abstract static class Lowercase<E extends Enum<E>> implements AttributeConverter<E, String> {

        private final Class<E> type;

        Lowercase(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : value.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public E convertToEntityAttribute(String value) {
            return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        }
    }

    @Converter
    public static final class StatusConverter extends Lowercase<TicketStatus> {
        public StatusConverter() {
            super(TicketStatus.class);
        }
    }

    @Converter
    public static final class PriorityConverter extends Lowercase<TicketPriority> {
        public PriorityConverter() {
            super(TicketPriority.class);
        }
    }

    @Converter
    public static final class AssuranceConverter extends Lowercase<Assurance> {
        public AssuranceConverter() {
            super(Assurance.class);
        }
    }

    @Converter
    public static final class DirectionConverter extends Lowercase<TicketMessage.Direction> {
        public DirectionConverter() {
            super(TicketMessage.Direction.class);
        }
    }
}
