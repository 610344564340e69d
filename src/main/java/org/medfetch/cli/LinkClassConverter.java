package org.medfetch.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.medfetch.resolve.LinkClass;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a link class label (http, api, ...) case-insensitively, naming the valid ones on error. */
final class LinkClassConverter implements ITypeConverter<LinkClass> {

    @Override
    public LinkClass convert(String value) {
        try {
            return LinkClass.ofLabel(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a link class; use one of "
                    + Arrays.stream(LinkClass.values()).map(LinkClass::label).collect(Collectors.joining(", ")));
        }
    }
}
