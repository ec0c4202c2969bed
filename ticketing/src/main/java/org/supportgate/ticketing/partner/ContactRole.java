package org.supportgate.ticketing.partner;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** What a contact may do for its partner; admins are told of refused requests in their name. */
public enum ContactRole {
    ADMIN, TECHNICAL, BILLING, OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stored as the lower-case id, as the schema's CHECK constraint names them. */
    @Converter
    static class Column implements AttributeConverter<ContactRole, String> {

        @Override
        public String convertToDatabaseColumn(ContactRole role) {
            return role.id();
        }

        @Override
        public ContactRole convertToEntityAttribute(String id) {
            return ContactRole.valueOf(id.toUpperCase(Locale.ROOT));
        }
    }
}
