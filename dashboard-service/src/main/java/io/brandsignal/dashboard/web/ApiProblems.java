package io.brandsignal.dashboard.web;

import java.time.Duration;

import io.brandsignal.contract.problem.ProblemTypes;
import io.brandsignal.dashboard.brand.BrandNotFoundException;
import io.brandsignal.dashboard.campaign.CampaignNotFoundException;
import io.brandsignal.dashboard.series.InvalidRangeException;

import io.brandsignal.dashboard.live.TooManyStreamsException;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where API errors become RFC 9457 problem details ({@code application/problem+json}):
 * unknown brands {@code 404}, bad dates and parameters {@code 400}, the database away {@code 503}, and
 * Spring MVC's own errors. The
 * dashboard's own problems have the {@code type} {@code urn:brandsignal:problem:<kind>}, the scheme all
 * services share.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	/** How long a client should wait before asking again while the database is away. */
	private static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);

	@ExceptionHandler
	ProblemDetail brandNotFound(BrandNotFoundException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-brand", "Unknown brand", ex.getMessage());
		problem.setProperty("brand", ex.brand());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail campaignNotFound(CampaignNotFoundException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-campaign", "Unknown campaign", ex.getMessage());
		problem.setProperty("brand", ex.brand());
		problem.setProperty("campaign", ex.id());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidRange(InvalidRangeException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-date-range", "Invalid date range", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail badRequest(BadRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.kind(), ex.title(), ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail tooManyStreams(TooManyStreamsException ex) {
		return problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams", "Too many live streams", ex.getMessage());
	}

	/**
	 * The read model's database does not answer (down, restarting, or no connection within the pool's
	 * timeout): nothing is wrong with the request, so it is refused like ingest refuses a batch Kafka does
	 * not take, with {@code 503} and {@code Retry-After}, never a {@code 500}.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException ex) {
		logger.warn("Read model database unavailable: " + ex.getMessage());
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
				"Read model unavailable", "The dashboard's database does not answer; try again after Retry-After seconds.");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_RETRY_AFTER.toSeconds()))
			.body(problem);
	}

	private static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.of(kind));
		problem.setTitle(title);
		return problem;
	}

}
