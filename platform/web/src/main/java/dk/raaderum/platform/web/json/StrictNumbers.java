package dk.raaderum.platform.web.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

import jakarta.inject.Singleton;

/**
 * Whole numbers stay whole: a fraction such as {@code -1.5} sent for a whole-number field (kroner, years, ids) is
 * refused with a 400 naming the field, instead of Jackson's default of cutting it to {@code -1} and storing that.
 */
@Singleton
public class StrictNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
