package io.brandsignal.dashboard.campaign;

/** Kafka did not acknowledge a campaign written from the dashboard's form. */
public class CampaignWriteFailedException extends RuntimeException {

	public CampaignWriteFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
