package io.brandsignal.dashboard.web;

import io.brandsignal.dashboard.brand.BrandNotFoundException;
import io.brandsignal.dashboard.series.InvalidRangeException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where API errors become RFC 9457 problem details ({@code application/problem+json}):
 * unknown brands {@code 404}, bad dates and parameters {@code 400}, and Spring MVC's own errors.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail brandNotFound(BrandNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Unknown brand");
		problem.setProperty("brand", ex.brand());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidRange(InvalidRangeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid date range");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail badRequest(BadRequestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle(ex.title());
		return problem;
	}

}
