package io.brandsignal.dashboard.web;


import io.brandsignal.contract.problem.ProblemTypes;
import io.brandsignal.dashboard.brand.BrandNotFoundException;
import io.brandsignal.dashboard.series.InvalidRangeException;

import io.brandsignal.dashboard.live.TooManyStreamsException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where API errors become RFC 9457 problem details ({@code application/problem+json}):
 * unknown brands {@code 404}, bad dates and parameters {@code 400}, and Spring MVC's own errors. The
 * dashboard's own problems have the {@code type} {@code urn:brandsignal:problem:<kind>}, the scheme all
 * services share.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail brandNotFound(BrandNotFoundException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-brand", "Unknown brand", ex.getMessage());
		problem.setProperty("brand", ex.brand());
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

	private static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.of(kind));
		problem.setTitle(title);
		return problem;
	}

}
