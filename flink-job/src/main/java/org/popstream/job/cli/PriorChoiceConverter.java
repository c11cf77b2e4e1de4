package org.popstream.job.cli;

import org.popstream.inference.prior.learned.PriorChoice;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --prior analytic | learned:PATH}, refused at parse time with the reason. */
final class PriorChoiceConverter implements ITypeConverter<PriorChoice> {
    @Override
    public PriorChoice convert(String value) {
        try {
            return PriorChoice.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
