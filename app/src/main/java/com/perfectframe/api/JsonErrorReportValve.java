package com.perfectframe.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's last word on a request it refused before any servlet saw it (an address that is not valid URL encoding,
 * an encoded NUL or slash, …): the same JSON problem body as every other error instead of Tomcat's HTML page.
 * Installed as the host's error report valve by {@link TomcatErrors}.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String error = status != null ? status.getReasonPhrase() : "Error";
        String body = "{\"type\":\"about:blank\",\"title\":\"" + error + "\",\"status\":" + code
                + ",\"detail\":\"The request could not be handled (" + code + " " + error
                + "): check the address and its encoding.\",\"error\":\"" + error + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile: nothing more to say.
        }
    }
}
