package io.brandsignal.ingest.web;

import java.time.Duration;

import io.brandsignal.contract.problem.ProblemTypes;
import io.brandsignal.ingest.auth.ForbiddenBrandsException;
import io.brandsignal.ingest.auth.UnauthorizedException;
import io.brandsignal.ingest.campaign.CampaignMetrics;
import io.brandsignal.ingest.campaign.InvalidCampaignException;
import io.brandsignal.ingest.observation.BatchTooLargeException;
import io.brandsignal.ingest.observation.IngestMetrics;
import io.brandsignal.ingest.observation.InvalidBatchException;
import io.brandsignal.ingest.observation.MalformedBatchException;
import io.brandsignal.ingest.observation.PublishFailedException;
import io.brandsignal.ingest.observation.RejectionReason;
import io.brandsignal.ingest.ratelimit.RateLimitExceededException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where failures become RFC 9457 problem details ({@code application/problem+json}), and
 * where refused requests are counted by reason: observation batches in {@link IngestMetrics}, requests on a
 * brand's campaigns in {@link CampaignMetrics}. Bad input never yields a {@code 500} or a stack trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	/** The path below which a brand's campaigns are written. */
	private static final String CAMPAIGN_PATHS = "/api/v1/brands/";

	private final IngestMetrics metrics;

	private final CampaignMetrics campaignMetrics;

	public ProblemDetailsAdvice(IngestMetrics metrics, CampaignMetrics campaignMetrics) {
		this.metrics = metrics;
		this.campaignMetrics = campaignMetrics;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidBatchException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-observations",
				"Invalid observations", ex.getMessage());
		problem.setProperty("errorCount", ex.total());
		problem.setProperty("errors", ex.errors());
		return reject(RejectionReason.VALIDATION, problem, new HttpHeaders());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidCampaign(InvalidCampaignException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-campaign", "Invalid campaign",
				ex.getMessage());
		problem.setProperty("errors", ex.errors());
		return reject(RejectionReason.VALIDATION, problem, new HttpHeaders());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> malformed(MalformedBatchException ex) {
		return reject(RejectionReason.MALFORMED,
				problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", ex.getMessage()),
				new HttpHeaders());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(BatchTooLargeException ex) {
		return reject(RejectionReason.TOO_LARGE, problem(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large",
				isCampaignRequest() ? "Request body too large" : "Batch too large", ex.getMessage()), new HttpHeaders());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unauthorized(UnauthorizedException ex) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"brandsignal-ingest\"");
		return reject(RejectionReason.UNAUTHORIZED,
				problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", ex.getMessage()), headers);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> forbidden(ForbiddenBrandsException ex) {
		ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "brand-out-of-scope", "Brand outside the key's scope",
				ex.getMessage());
		problem.setProperty("brands", ex.brands());
		return reject(RejectionReason.FORBIDDEN, problem, new HttpHeaders());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rateLimited(RateLimitExceededException ex) {
		return reject(RejectionReason.RATE_LIMITED,
				problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", ex.getMessage()),
				retryAfter(ex.retryAfter()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> kafkaUnavailable(PublishFailedException ex) {
		logger.warn("Batch refused with 503: {}", ex.getMessage());
		return reject(RejectionReason.KAFKA_UNAVAILABLE, problem(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable",
				(isCampaignRequest() ? "Campaigns" : "Observations") + " cannot be stored right now", ex.getMessage()),
				retryAfter(ex.retryAfter()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		count(RejectionReason.UNSUPPORTED_MEDIA_TYPE);
		String accepted = isCampaignRequest() ? "application/json" : "application/json or text/csv";
		ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"Unsupported media type", "Content type '" + ((ex.getContentType() != null) ? ex.getContentType() : "none")
						+ "' is not supported; send " + accepted);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/** Anything unforeseen: a plain 500 problem, logged here, never a stack trace on the wire. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		logger.error("Unexpected failure", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
					"The request could not be processed; nothing of it was published"));
	}

	private ResponseEntity<ProblemDetail> reject(RejectionReason reason, ProblemDetail problem, HttpHeaders headers) {
		count(reason);
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private void count(RejectionReason reason) {
		if (isCampaignRequest()) {
			this.campaignMetrics.rejected(reason);
		}
		else {
			this.metrics.rejected(reason);
		}
	}

	/** Whether the failed request is one on a brand's campaigns rather than an observation batch. */
	private static boolean isCampaignRequest() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return false;
		}
		HttpServletRequest request = attributes.getRequest();
		return request.getRequestURI().startsWith(request.getContextPath() + CAMPAIGN_PATHS);
	}

	private static HttpHeaders retryAfter(Duration wait) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds()));
		return headers;
	}

	private static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.of(kind));
		problem.setTitle(title);
		return problem;
	}

}
