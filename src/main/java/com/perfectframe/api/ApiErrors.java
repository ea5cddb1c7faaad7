package com.perfectframe.api;

import com.perfectframe.job.JobBusyException;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place exceptions become HTTP answers: an RFC 7807 problem body that also carries {@code error} (what went
 * wrong, short) beside {@code detail} (what to do), never a stack trace or an HTML page.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    static ProblemDetail problem(HttpStatusCode status, String error, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(error);
        problem.setProperty("error", error);
        return problem;
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

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        log.error("Request failed", e);
        return answer(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "The service failed to handle the request; its log has the details.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> snakeCase(f.getField()) + " " + f.getDefaultMessage()
                        + (f.getRejectedValue() != null ? " (got " + f.getRejectedValue() + ")" : ""))
                .sorted()
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail + "."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        String detail;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            detail = "Unknown field '" + unknown.getPropertyName() + "'.";
        } else if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            detail = "Field '" + bind.getPathReference().replaceAll(".*\\[\"?|\"?]$", "")
                    + "' has a value of the wrong type.";
            String field = bind.getPath().get(bind.getPath().size() - 1).getPropertyName();
            if (field != null) {
                detail = "Field '" + field + "' has a value of the wrong type.";
            }
        } else {
            detail = "The body is not valid JSON.";
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("error"))) {
            problem.setProperty("error", problem.getTitle());
        }
        return response;
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String error, String detail) {
        return ResponseEntity.status(status).body(problem(status, error, detail));
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
