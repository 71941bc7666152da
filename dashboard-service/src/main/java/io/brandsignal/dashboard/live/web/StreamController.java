package io.brandsignal.dashboard.live.web;

import java.security.Principal;

import io.brandsignal.contract.access.BrandScope;
import io.brandsignal.dashboard.live.LiveUpdates;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent event stream of read-model changes that keeps open dashboards current.
 */
@RestController
@Tag(name = "live", description = "Server-sent events on every change")
class StreamController {

	private final LiveUpdates updates;

	StreamController(LiveUpdates updates) {
		this.updates = updates;
	}

	@GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Events 'scorecard' (a brand summary) and 'rollup' (brand and date) on every change "
			+ "of a brand the caller may see")
	SseEmitter stream(BrandScope scope, Principal caller, HttpServletRequest request) {
		// a person logged in on the pages streams within that session, which logout ends
		HttpSession session = request.getSession(false);
		return this.updates.subscribe(scope, caller.getName(), (session != null) ? session.getId() : null);
	}

}
