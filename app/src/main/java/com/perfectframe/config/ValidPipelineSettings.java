package com.perfectframe.config;

import com.perfectframe.limits.InvalidSettingException;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The properties describe valid {@link com.perfectframe.extract.PipelineSettings}: checked by the settings record
 * itself, the one owner of the limits, and reported on the offending property.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidPipelineSettings.Check.class)
@interface ValidPipelineSettings {

    String message() default "invalid pipeline setting";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Builds the settings and turns a refusal into a violation on the property it names. */
    final class Check implements ConstraintValidator<ValidPipelineSettings, PerfectFrameProperties> {

        @Override
        public boolean isValid(PerfectFrameProperties properties, ConstraintValidatorContext context) {
            try {
                properties.pipelineSettings();
                return true;
            } catch (InvalidSettingException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(e.describe(PerfectFrameProperties.propertyName(e)))
                        .addPropertyNode(PerfectFrameProperties.componentName(e))
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
