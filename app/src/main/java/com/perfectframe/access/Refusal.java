package com.perfectframe.access;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.ObjectMapper;

/** A request refused before any controller: the same JSON problem body as every other error. */
final class Refusal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Refusal() {}

    static void send(HttpServletResponse response, HttpStatus status, String error, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", error);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("error", error);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
