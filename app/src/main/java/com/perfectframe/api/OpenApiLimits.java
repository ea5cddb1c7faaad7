package com.perfectframe.api;

import com.perfectframe.limits.Range;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Publishes the body's ranges ({@link RequestLimits}, the core's constants) in the OpenAPI description as {@code
 * minimum}/{@code maximum}, so that {@code /v3/api-docs} says what the service checks.
 */
@Component
class OpenApiLimits implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Schema<?> body = openApi.getComponents().getSchemas().get(ExtractorRequestBody.class.getSimpleName());
        if (body == null || body.getProperties() == null) {
            return;
        }
        boolean v31 = openApi.getSpecVersion() == SpecVersion.V31;
        Map<String, Schema> properties = body.getProperties();
        for (RequestLimits.Limit limit : RequestLimits.LIMITS) {
            Schema<?> property = properties.get(limit.field());
            if (property != null) {
                describe(property, limit.range(), v31);
            }
        }
    }

    private static void describe(Schema<?> property, Range range, boolean v31) {
        if (range.minExclusive() && v31) {
            property.setExclusiveMinimumValue(range.minimum());
        } else {
            property.setMinimum(range.minimum());
            property.setExclusiveMinimum(range.minExclusive() ? Boolean.TRUE : null);
        }
        if (!range.bounded()) {
            return;
        }
        if (range.maxExclusive() && v31) {
            property.setExclusiveMaximumValue(range.maximum());
        } else {
            property.setMaximum(range.maximum());
            property.setExclusiveMaximum(range.maxExclusive() ? Boolean.TRUE : null);
        }
    }
}
