package com.perfectframe.api;

import com.perfectframe.access.BodyLimit;
import com.perfectframe.access.Excerpt;
import com.perfectframe.access.FolderAccessException;
import com.perfectframe.job.JobBusyException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place exceptions become HTTP answers: an RFC 7807 problem body that also carries {@code error} (what went
 * wrong, short) beside {@code detail} (what to do), never a stack trace or an HTML page.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** Longest detail an error carries: values in it are excerpts, and this caps what is left. */
    static final int MAX_DETAIL = 400;

    static ProblemDetail problem(HttpStatusCode status, String error, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Excerpt.message(detail, MAX_DETAIL));
        problem.setTitle(error);
        problem.setProperty("error", error);
        problem.setInstance(instance());
        return problem;
    }

    /**
     * The request's path as the problem's {@code instance}, cut to a short excerpt: Spring would otherwise put the
     * whole address there, echoing whatever a client sent.
     */
    static URI instance() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        String path = attributes.getRequest().getRequestURI();
        if (path == null) {
            return null;
        }
        if (path.length() > Excerpt.MAX) {
            path = path.substring(0, Excerpt.MAX).replaceAll("%[0-9A-Fa-f]?$", "") + "...";
        }
        try {
            return new URI(path);
        } catch (URISyntaxException e) {
            return URI.create("about:blank");
        }
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownExtractor(UnknownExtractorException e) {
        return answer(HttpStatus.NOT_FOUND, "Unknown extractor", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> busy(JobBusyException e) {
        return answer(HttpStatus.CONFLICT, "Extractor already running", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return answer(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> forbidden(FolderAccessException e) {
        return answer(HttpStatus.FORBIDDEN, "Folder not allowed", e.getMessage());
    }

    /**
     * Tomcat could not read the request's parameters: more than its limit of 1,000 (a selection sent one name a
     * parameter), or a form past its size. 413 for a limit, else 400; never 500.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> parameters(InvalidParameterException e) {
        boolean tooMany = e.getMessage() != null && e.getMessage().contains("maximum number of request parameters");
        HttpStatus status = tooMany || e.getErrorCode() == 413 ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return answer(
                status,
                tooMany ? "Too many request parameters" : "Invalid request parameters",
                (tooMany
                                ? "The request has more than the 1000 parameters this service reads."
                                : "The request's" + " parameters could not be read.")
                        + " Send a long list as one JSON value: a zip of the gallery takes {\"folder\": …, \"files\":"
                        + " […]} as a JSON body or as the form field 'selection'.");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        log.error("Request failed", e);
        return answer(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "The service failed to handle the request; its log has the details.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodyLimit.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(problem(
                                HttpStatus.CONTENT_TOO_LARGE,
                                "Request body too large",
                                BodyLimit.tooLarge(tooLarge.limit())));
            }
        }
        String detail = "The body is not valid JSON.";
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof UnrecognizedPropertyException unknown) {
                detail = "Unknown field '" + Excerpt.of(unknown.getPropertyName()) + "'.";
                break;
            }
            if (t instanceof JacksonException json && field(json) != null) {
                detail = RequestFields.wrongValue(field(json));
                break;
            }
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail));
    }

    /** The body field a parse error concerns (the last named property on its path), or null. */
    private static String field(JacksonException e) {
        String field = null;
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                field = reference.getPropertyName();
            }
        }
        return field;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("error"))) {
            problem.setProperty("error", problem.getTitle());
            problem.setDetail(Excerpt.message(problem.getDetail(), MAX_DETAIL));
            problem.setInstance(instance());
        }
        return response;
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String error, String detail) {
        return ResponseEntity.status(status).body(problem(status, error, detail));
    }
}
